from eislint.cli import main

main()
