// Command casebook builds a static site from a knowledge base of practice
// stories. Run `casebook help` for the commands.
package main

import "os"

func main() {
	os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
}
