"""The pure computation core: configs in, polars frames out. No printing, no file I/O."""
