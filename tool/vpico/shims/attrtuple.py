"""MicroPython's attrtuple: a tuple with named fields, printed as (name=value, ...)."""


def attrtuple(fields):
    fields = tuple(fields.split())

    class AttrTuple(tuple):
        __slots__ = ()
        _fields = fields

        def __new__(cls, *values):
            return tuple.__new__(cls, values)

        def __getattr__(self, name):
            try:
                return self[fields.index(name)]
            except ValueError:
                raise AttributeError("'tuple' object has no attribute '%s'" % name) from None

        def __repr__(self):
            return "(" + ", ".join("%s=%r" % kv for kv in zip(fields, self)) + ")"

        __str__ = __repr__

    return AttrTuple
