"""An example plugin for newslint: one rule module, named in the entry-point group `newslint.rules`."""
