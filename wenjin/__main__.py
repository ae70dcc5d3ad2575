"""`python -m wenjin …` runs the command line, the same as the `wenjin` script."""

from wenjin.ui.cli import main

if __name__ == "__main__":
    main()
