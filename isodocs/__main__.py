import sys

from isodocs.main import main

sys.exit(main())
