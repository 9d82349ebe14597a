package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNestedModules runs the tests of the modules nested in bench/, which
// `go test ./...` does not reach: the harness, and go-re2 v1.12.0's wazero
// variant (built with its re2_wazero tag).
func TestNestedModules(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two more modules")
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		if gobin, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command")
		}
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "BENCH_") {
			env = append(env, kv)
		}
	}
	for _, m := range []struct {
		dir  string
		args []string
	}{
		{"harness", []string{"test", "./..."}},
		{"peers/gore2wazero", []string{"test", "-tags", "re2_wazero", "./..."}},
	} {
		t.Run(strings.ReplaceAll(m.dir, "/", "_"), func(t *testing.T) {
			cmd := exec.Command(gobin, m.args...)
			cmd.Dir = m.dir
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("go %s in %s: %v\n%s", strings.Join(m.args, " "), m.dir, err, out)
			} else {
				t.Logf("%s", out)
			}
		})
	}
}
