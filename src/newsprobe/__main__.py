from newsprobe.cli import main

main()
