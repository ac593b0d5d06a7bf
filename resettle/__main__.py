from resettle.cli import main

raise SystemExit(main())
