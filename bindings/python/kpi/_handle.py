"""Ownership of C objects: one Handle per object the caller must free.

A Plan, Policy or Evaluation wrapper owns a :class:`Handle`: the C address,
a lock, and a ``weakref.finalize`` that frees the object exactly once, when
the wrapper is closed, collected, or the interpreter exits, whichever comes
first. Wrappers of borrowed objects (goals, targets, measurements,
assessments, results) keep a strong reference to the wrapper that owns
them, so the owner cannot be collected while any of them is reachable, and
go through the owner's handle for every call:

- every C call is made holding the handle's lock, after checking that the
  handle is still open, and copies what it returns (strings included) into
  Python objects before the lock is released;
- freeing takes the same lock and marks the handle closed before freeing.

So no Python code can reach freed memory: after close() (or after the
finalizer ran at exit) every use raises KpiArgumentError("... is closed"),
whichever thread makes it. The lock also serializes calls on one plan
from several Python threads, which gives libkpi the exclusive access it
needs for changes; different plans, policies and evaluations have different
locks and run in parallel (ctypes releases the GIL during each call).
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar

from ._errors import KpiArgumentError

if TYPE_CHECKING:
    from typing_extensions import Literal  # typing.Literal is Python 3.8+


class Handle:
    __slots__ = ("ptr", "lock", "what")

    def __init__(self, ptr: Optional[int], what: str) -> None:
        self.ptr = ptr
        self.lock = threading.RLock()
        self.what = what

    def get(self) -> int:
        """The address; the caller holds the lock. Raises when closed."""
        ptr = self.ptr
        if not ptr:
            raise KpiArgumentError("%s is closed" % self.what, function=self.what)
        return ptr


def _release(handle: Handle, free: Callable[[int], object]) -> None:
    # Runs at most once per handle (weakref.finalize guarantees it); never
    # touches the wrapper, which may already be gone.
    with handle.lock:
        ptr, handle.ptr = handle.ptr, None
        if ptr:
            free(ptr)


_T = TypeVar("_T")
_O = TypeVar("_O", bound="Owner")


class Owner:
    """Base of the wrappers that own a C object (Plan, Policy, Evaluation)."""

    _h: Handle
    _finalizer: weakref.finalize

    def _adopt(self, ptr: Optional[int], what: str, free: Callable[[int], object]) -> None:
        self._h = Handle(ptr, what)
        self._finalizer = weakref.finalize(self, _release, self._h, free)

    def close(self) -> None:
        """Frees the C object now. Every later use of this object, or of an
        object obtained from it, raises KpiArgumentError. Closing twice does
        nothing."""
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True once close() was called (or the object was freed at exit)."""
        return not self._h.ptr

    def __bool__(self) -> bool:
        # An object is true even when len() is 0 (a plan without goals), as
        # `if plan.get(code):` expects.
        return True

    def __enter__(self: _O) -> _O:
        self._h.get()
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        self.close()
        return False

    def _call(self, fn: Callable[..., _T], *args: Any) -> _T:
        """fn(this object's address, *args), holding the lock."""
        h = self._h
        with h.lock:
            return fn(h.get(), *args)

    def _call_out(self, fn: Callable[..., _T], out: Any, *args: Any) -> _T:
        """fn(out, this object's address, *args): for kpi_validate(&out, plan)."""
        h = self._h
        with h.lock:
            return fn(out, h.get(), *args)


class Borrowed:
    """Base of wrappers of objects borrowed from an owner (a goal from its
    plan, a result from its evaluation). ``_owner`` keeps the owner alive."""

    __slots__ = ("_owner", "_h", "_ptr", "__weakref__")

    def __init__(self, owner: Owner, ptr: int) -> None:
        self._owner = owner
        self._h = owner._h
        self._ptr = ptr

    def _call(self, fn: Callable[..., _T], *args: Any) -> _T:
        h = self._h
        with h.lock:
            h.get()
            return fn(self._ptr, *args)

    def __bool__(self) -> bool:
        # True even when len() is 0 (a goal without children, a target
        # without measurements), as `if plan.get(code):` expects.
        return True

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Borrowed)  # what the test above says, for mypy
        return self._ptr == other._ptr and self._h is other._h

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._ptr))
