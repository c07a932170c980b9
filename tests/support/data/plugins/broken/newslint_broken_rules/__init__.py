"""A plugin that cannot be imported: what a user gets with a half-installed distribution."""

import newslint_this_module_does_not_exist  # noqa: F401
