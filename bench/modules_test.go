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
// `go test ./...` does not reach: the harness, go-re2 v1.12.0's wazero
// variant (built with its re2_wazero tag), and this module built with the
// library's wazero engine (-tags re2wasm_wazero).
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
		// This module's suites again on the library's wazero engine (the
		// main run has the default aot engine); -short skips this test.
		{".", []string{"test", "-short", "-tags", "re2wasm_wazero", "."}},
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
