from newsprobe.entry import main

main()
