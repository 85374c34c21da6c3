"""The running board, for shim modules (one board per process)."""
board = None
