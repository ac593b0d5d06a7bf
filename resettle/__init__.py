"""Resettle (征迁安置管理): the program without a screen."""

__version__ = "0.1.0"
