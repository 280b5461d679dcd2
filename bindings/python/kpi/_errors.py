"""The exceptions of the kpi package: one class per libkpi error code.

Every failing libkpi call becomes a :class:`KpiError` subclass chosen by the
C code (``KPI_ERR_VALUE`` -> :class:`KpiValueError`, ...). The exception
carries what libkpi's thread-local *last error* said, read right after the
failing call on the same thread:

``code``     the negative ``kpi_error`` code (``-6``)
``name``     its stable name (``"KPI_ERR_VALUE"``)
``message``  libkpi's English message, e.g.
             ``structure.csv:14: column "due": "2017-13-01" is not a date: ...``
``source``   the file or source name for errors in files or text, else ``""``
``line``     1-based line in ``source``, or 0
``column``   1-based column in ``source``, or 0
``function`` the C function that failed (``"kpi_target_set_weight"``), or the
             Python operation for errors the binding finds itself

Each class also derives from the Python built-in exception a Python user
would expect (``KpiNotFound`` is a ``KeyError``, ``KpiRangeError`` an
``IndexError``, ``KpiIOError`` an ``OSError``, ``KpiNoMemory`` a
``MemoryError``, the rest ``ValueError``), so ``except KeyError`` around
``plan["3-2-a"]`` works as it does for a dict. The names avoid shadowing
the built-ins.
"""

from __future__ import annotations

import errno as _errno
import os as _os
from typing import Any, Callable, Dict, Optional, Tuple, Type

# The stable kpi_error codes of kpi/error.h.
KPI_OK = 0
KPI_ERR_NOMEM = -1
KPI_ERR_ARGUMENT = -2
KPI_ERR_RANGE = -3
KPI_ERR_NOT_FOUND = -4
KPI_ERR_DUPLICATE = -5
KPI_ERR_VALUE = -6
KPI_ERR_DATE = -7
KPI_ERR_PARSE = -8
KPI_ERR_IO = -9
KPI_ERR_ENCODING = -10
KPI_ERR_LIMIT = -11
KPI_ERR_MISUSE = -12

_NAMES: Dict[Optional[int], str] = {
    KPI_OK: "KPI_OK",
    KPI_ERR_NOMEM: "KPI_ERR_NOMEM",
    KPI_ERR_ARGUMENT: "KPI_ERR_ARGUMENT",
    KPI_ERR_RANGE: "KPI_ERR_RANGE",
    KPI_ERR_NOT_FOUND: "KPI_ERR_NOT_FOUND",
    KPI_ERR_DUPLICATE: "KPI_ERR_DUPLICATE",
    KPI_ERR_VALUE: "KPI_ERR_VALUE",
    KPI_ERR_DATE: "KPI_ERR_DATE",
    KPI_ERR_PARSE: "KPI_ERR_PARSE",
    KPI_ERR_IO: "KPI_ERR_IO",
    KPI_ERR_ENCODING: "KPI_ERR_ENCODING",
    KPI_ERR_LIMIT: "KPI_ERR_LIMIT",
    KPI_ERR_MISUSE: "KPI_ERR_MISUSE",
}


class KpiError(Exception):
    """A libkpi call failed. Base class of every error the package raises
    for libkpi, except :class:`KpiLibraryError` (loading)."""

    #: the kpi_error code this class stands for (None for the base class)
    default_code: Optional[int] = None

    def __init__(self, message: str, code: Optional[int] = None, source: str = "",
                 line: int = 0, column: int = 0, function: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = self.default_code if code is None else code
        self.source = source
        self.line = line
        self.column = column
        self.function = function

    @property
    def name(self) -> str:
        """The stable name of the code, e.g. ``"KPI_ERR_VALUE"``."""
        return _NAMES.get(self.code, "KPI_ERR_UNKNOWN")

    def __str__(self) -> str:
        # KeyError would repr() the message; every KpiError reads the same.
        return self.message

    def __repr__(self) -> str:
        return "%s(%r, code=%r)" % (type(self).__name__, self.message, self.code)

    def __reduce__(self) -> Tuple[Callable[..., KpiError], Tuple[Any, ...]]:
        return (_rebuild, (type(self), self.message, self.code, self.source, self.line,
                           self.column, self.function))


def _rebuild(cls: Type[KpiError], message: str, code: Optional[int], source: str,
             line: int, column: int, function: Optional[str], *more: Any) -> KpiError:
    return cls(message, code, source, line, column, function, *more)


class KpiNoMemory(KpiError, MemoryError):
    """KPI_ERR_NOMEM: an allocation failed; nothing was changed."""
    default_code = KPI_ERR_NOMEM


class KpiArgumentError(KpiError, ValueError):
    """KPI_ERR_ARGUMENT: a NULL handle or an argument out of its domain. The
    binding also raises it for a closed Plan, Policy or Evaluation and for
    text holding a NUL character."""
    default_code = KPI_ERR_ARGUMENT


class KpiRangeError(KpiError, IndexError):
    """KPI_ERR_RANGE: an index past the end of a collection."""
    default_code = KPI_ERR_RANGE


class KpiNotFound(KpiError, KeyError):
    """KPI_ERR_NOT_FOUND: no object with that code."""
    default_code = KPI_ERR_NOT_FOUND


class KpiDuplicate(KpiError, ValueError):
    """KPI_ERR_DUPLICATE: the code is already used in the plan."""
    default_code = KPI_ERR_DUPLICATE


class KpiValueError(KpiError, ValueError):
    """KPI_ERR_VALUE: a value the model refuses (non-finite, weight <= 0, ...)."""
    default_code = KPI_ERR_VALUE


class KpiDateError(KpiError, ValueError):
    """KPI_ERR_DATE: not a date, or an impossible one."""
    default_code = KPI_ERR_DATE


class KpiParseError(KpiError, ValueError):
    """KPI_ERR_PARSE: a file or text that does not follow its format."""
    default_code = KPI_ERR_PARSE


class KpiIOError(KpiError, OSError):
    """KPI_ERR_IO: a file could not be read or written. As every
    ``OSError``, it has ``errno`` (the system's error number, from
    kpi_error_system_errno(); None when libkpi gave none), ``strerror`` and
    ``filename``; a missing file, a refused permission and a directory
    raise the subclasses that are also :class:`FileNotFoundError`,
    :class:`PermissionError` and :class:`IsADirectoryError`, so that
    ``except FileNotFoundError`` works as it does around ``open()``."""
    default_code = KPI_ERR_IO

    def __init__(self, message: str, code: Optional[int] = None, source: str = "",
                 line: int = 0, column: int = 0, function: Optional[str] = None,
                 errno: int = 0) -> None:
        super().__init__(message, code, source, line, column, function)
        # None when libkpi gave no errno, as OSError's own errno is when it
        # has none; typeshed declares OSError.errno as a plain int.
        self.errno = errno or None  # type: ignore[assignment]
        self.strerror = _os.strerror(errno) if errno else message
        self.filename = source or None

    def __reduce__(self) -> Tuple[Callable[..., KpiError], Tuple[Any, ...]]:
        return (_rebuild, (type(self), self.message, self.code, self.source, self.line,
                           self.column, self.function, self.errno or 0))


class KpiFileNotFoundError(KpiIOError, FileNotFoundError):
    """KPI_ERR_IO for a file or directory that does not exist (ENOENT)."""


class KpiPermissionError(KpiIOError, PermissionError):
    """KPI_ERR_IO for a file the process may not read or write (EACCES,
    EPERM)."""


class KpiIsADirectoryError(KpiIOError, IsADirectoryError):
    """KPI_ERR_IO for a directory given where a file was expected (EISDIR)."""


class KpiNotADirectoryError(KpiIOError, NotADirectoryError):
    """KPI_ERR_IO for a path through something that is not a directory
    (ENOTDIR)."""


#: errno -> the KpiIOError subclass that is also Python's own OSError
#: subclass for it (as OSError(errno, ...) picks)
IO_ERROR_CLASSES: Dict[int, Type[KpiIOError]] = {
    _errno.ENOENT: KpiFileNotFoundError,
    _errno.EACCES: KpiPermissionError,
    _errno.EPERM: KpiPermissionError,
    _errno.EISDIR: KpiIsADirectoryError,
    _errno.ENOTDIR: KpiNotADirectoryError,
}


def io_error_class(errno: int) -> Type[KpiIOError]:
    """The KpiIOError class for a system error number (0: none known)."""
    return IO_ERROR_CLASSES.get(errno, KpiIOError)


class KpiEncodingError(KpiError, ValueError):
    """KPI_ERR_ENCODING: bytes that are not valid in the expected encoding
    (also text a Python str cannot encode as UTF-8)."""
    default_code = KPI_ERR_ENCODING


class KpiLimitError(KpiError, ValueError):
    """KPI_ERR_LIMIT: a documented size or depth limit was exceeded."""
    default_code = KPI_ERR_LIMIT


class KpiMisuseError(KpiError, RuntimeError):
    """KPI_ERR_MISUSE: a call made when it is not allowed (such as changing
    the allocator while its memory is in use)."""
    default_code = KPI_ERR_MISUSE


class KpiLibraryError(ImportError):
    """libkpi could not be loaded, is too old or too new for this package,
    or lacks a function the package needs. The message lists every place
    that was tried."""


#: kpi_error code -> exception class
ERROR_CLASSES: Dict[Optional[int], Type[KpiError]] = {
    # mypy joins these classes (several bases each) to plain "type", which
    # has no default_code: each one is a KpiError subclass.
    cls.default_code: cls  # type: ignore[attr-defined]
    for cls in (KpiNoMemory, KpiArgumentError, KpiRangeError, KpiNotFound, KpiDuplicate,
                KpiValueError, KpiDateError, KpiParseError, KpiIOError, KpiEncodingError,
                KpiLimitError, KpiMisuseError)
}


def error_class(code: int) -> Type[KpiError]:
    """The KpiError subclass for a kpi_error code (KpiError for unknown codes)."""
    return ERROR_CLASSES.get(code, KpiError)


def error_name(code: int) -> str:
    """The stable name of a code without calling the library."""
    return _NAMES.get(code, "KPI_ERR_UNKNOWN")
