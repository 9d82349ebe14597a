//go:build re2wasm_wazero

package rt

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// wantEngine is the engine RE2WASM_ENGINE asks wazero for.
func wantEngine() string {
	if os.Getenv("RE2WASM_ENGINE") == "interpreter" {
		return "interpreter"
	}
	return "compiler"
}

// The cache is tested in a child process, since the runtime starts once per
// process: a cache directory that cannot be created falls back silently.
func TestBrokenCacheFallsBack(t *testing.T) {
	if os.Getenv("RE2WASM_CHILD") == "1" {
		inst := acquire(t)
		defer inst.Release()
		if p, err := inst.Call(Malloc, 16); err != nil || p == 0 {
			t.Fatalf("malloc: %d, %v", p, err)
		}
		return
	}
	dir := t.TempDir()
	notADir := filepath.Join(dir, "file")
	if err := os.WriteFile(notADir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, env := range [][]string{
		{"XDG_CACHE_HOME=" + notADir, "HOME=" + notADir}, // cache path under a regular file
		{"XDG_CACHE_HOME=" + dir},                        // a working cache, first cold then warm
		{"XDG_CACHE_HOME=" + dir},
		{"RE2WASM_NO_CACHE=1"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenCacheFallsBack$", "-test.v")
		cmd.Env = append(os.Environ(), "RE2WASM_CHILD=1")
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("child with %v: %v\n%s", env, err, out)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "re2wasm")); len(entries) == 0 {
		t.Errorf("the working cache directory stayed empty")
	}
}
