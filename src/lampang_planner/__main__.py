import sys

from lampang_planner.cli import main

sys.exit(main())
