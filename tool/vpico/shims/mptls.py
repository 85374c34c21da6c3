"""tls: the C module under MicroPython's ssl (extmod/modtls_mbedtls.c): its SSLContext verifies by default."""
from .mpssl import (CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED, MBEDTLS_VERSION, PROTOCOL_TLS_CLIENT,  # noqa: F401
                    PROTOCOL_TLS_SERVER)
from .mpssl import _Context as SSLContext  # noqa: F401

__all__ = ["SSLContext", "PROTOCOL_TLS_CLIENT", "PROTOCOL_TLS_SERVER", "CERT_NONE", "CERT_OPTIONAL",
           "CERT_REQUIRED", "MBEDTLS_VERSION"]
