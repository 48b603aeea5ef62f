#!/usr/bin/env python3
"""The outfit load, baseline against candidate: bench/serve-ab.py --suite outfits with the same arguments."""
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
os.execv(sys.executable, [sys.executable, os.path.join(here, "serve-ab.py"), "--suite", "outfits"] + sys.argv[1:])
