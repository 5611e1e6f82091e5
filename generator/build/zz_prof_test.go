package build

import (
	"os"
	"testing"
)

func TestZZProf(t *testing.T) {
	res, err := Build(Options{Src: os.Getenv("ZZ_SITE"), Out: "/dev/shm/cb19/prof/out"})
	t.Log(err, res.Stories, len(res.Diags))
}
