# The source tarball: `cpack --config CPackSourceConfig.cmake` in a build
# directory gives libkpi-VERSION.tar.gz. (Binary packages are built the
# Debian way, from debian/ with dpkg-buildpackage: see docs/embedding.md.)
# Only when libkpi is the top-level project, so that a parent's own CPack
# configuration is never touched.
set(CPACK_PACKAGE_NAME libkpi)
set(CPACK_PACKAGE_VENDOR "The libkpi authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR TGZ)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "libkpi-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "__pycache__" "\\\\.pyc$"
  "/debian/\\\\.debhelper/" "/debian/tmp/" "/obj-[^/]*/")
include(CPack)
