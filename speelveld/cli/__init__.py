"""The `speelveld` command line: a thin layer over config loading, the engine and the writers,
one module per group of commands (compare and explain; the data; the yearly cycle; policy) over
the options and helpers they share (common)."""

from __future__ import annotations

import sys

from speelveld.cli import compare, cycle, data, policy  # noqa: F401  (each registers its commands)
from speelveld.cli.common import _state, app, say


def _argv_lang() -> str | None:
    """--lang as given on the command line, for errors found before the command runs."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1].lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1].lower()
    return None


def help_language() -> str:
    """The language of --help: Dutch, unless --lang en or SPEELVELD_LANG=en says English."""
    import os

    return "en" if (_argv_lang() or os.environ.get("SPEELVELD_LANG", "nl").lower()) == "en" else "nl"


def command(lang: str = "nl"):
    """The click command of the app, its help in ``lang`` (the catalogue in speelveld/clihelp.py)."""
    import typer.core

    from speelveld.clihelp import FRAME_NL, HELP_NL

    cmd = typer.main.get_command(app)
    if lang != "nl":
        return cmd

    def walk(c) -> None:
        c.help = HELP_NL.get(c.help, c.help) if c.help else c.help
        for p in c.params:
            if getattr(p, "help", None):
                p.help = HELP_NL.get(p.help, FRAME_NL.get(p.help, p.help))
        try:  # the --help option is made (and kept) on first use: make it now, in Dutch
            from typer._click.core import Context

            option = c.get_help_option(Context(c))
            if option is not None:
                option.help = FRAME_NL.get(option.help, option.help)
        except (ImportError, AttributeError, TypeError):
            pass  # another typer: --help's own line stays English
        for sub in getattr(c, "commands", {}).values():
            walk(sub)

    walk(cmd)
    try:
        from typer._click.formatting import HelpFormatter

        if not getattr(HelpFormatter.write_usage, "dutch", False):
            usage = HelpFormatter.write_usage

            def write_usage(self, prog, args="", prefix=None):
                # click's metavars in the usage line, in Dutch as the rest of the help
                args = args.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]...")
                return usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

            write_usage.dutch = True
            HelpFormatter.write_usage = write_usage
    except ImportError:
        pass  # another typer: 'Usage:' stays English
    # typer's words around the help ('Options', '[default: nl]'): its module translates them
    # through gettext; in a Dutch run they come from the catalogue
    typer.core._ = lambda text: FRAME_NL.get(text, text)
    return cmd


def main() -> None:
    """Entry point: typer's own usage errors (a missing option, --year abc) become one
    `error:` line and exit status 2, like every other bad input. Help is Dutch by default."""
    cli = command(help_language())
    if len(sys.argv) <= 1 or {"--help", "--debug"} & set(sys.argv):
        cli(prog_name="speelveld")
        return
    try:
        code = cli(prog_name="speelveld", standalone_mode=False)
    except Exception as exc:  # click's UsageError, vendored by newer typer: recognised by its interface
        if not hasattr(exc, "format_message") or getattr(exc, "exit_code", None) != 2:
            raise
        _state["lang"] = "en" if _argv_lang() == "en" else "nl"
        from speelveld.message_catalogue import from_library

        say("error", from_library(" ".join(exc.format_message().split())))
        sys.exit(2)
    sys.exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
