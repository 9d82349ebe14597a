package rt

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func acquire(t testing.TB) *Instance {
	t.Helper()
	inst, err := Acquire()
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestEngineFollowsEnvironment(t *testing.T) {
	got, err := Engine()
	if err != nil {
		t.Fatal(err)
	}
	want := "compiler"
	if os.Getenv("RE2WASM_ENGINE") == "interpreter" {
		want = "interpreter"
	}
	if got != want {
		t.Errorf("Engine() = %q, want %q", got, want)
	}
}

func TestMallocAndMemory(t *testing.T) {
	inst := acquire(t)
	defer inst.Release()
	p, err := inst.Call(Malloc, 100)
	if err != nil || p == 0 {
		t.Fatalf("malloc: %d, %v", p, err)
	}
	mem := inst.Memory()
	copy(mem[p:], "hello")
	if string(mem[p:p+5]) != "hello" {
		t.Errorf("memory does not keep what was written")
	}
	if _, err := inst.Call(Free, p); err != nil {
		t.Fatal(err)
	}
}

// A trap (here, reading far outside the memory) is an error of that call;
// the instance is dropped and the next instance works.
func TestTrapBecomesError(t *testing.T) {
	before, _ := ReadStats()
	inst := acquire(t)
	// re2w_match on a handle far beyond the memory's end.
	_, err := inst.Call(Match, 0xfffffff0, 0, 0, 0, 0, 0, 0)
	inst.Release()
	if !errors.Is(err, ErrTrap) {
		t.Fatalf("call with a wild pointer: err = %v, want ErrTrap", err)
	}
	t.Logf("trap: %v", err)
	after, _ := ReadStats()
	if after.Lost != before.Lost+1 {
		t.Errorf("instances lost: %d -> %d, want one more", before.Lost, after.Lost)
	}
	inst = acquire(t)
	defer inst.Release()
	if p, err := inst.Call(Malloc, 16); err != nil || p == 0 {
		t.Errorf("malloc after a trap: %d, %v", p, err)
	}
}

// A huge scratch buffer is given back to the heap when its instance is
// released.
func TestHugeScratchIsGivenBack(t *testing.T) {
	size := 256 << 20
	if testing.Short() {
		size = 16 << 20
	}
	before, err := ReadStats()
	if err != nil {
		t.Fatal(err)
	}
	inst := acquire(t)
	p, err := inst.Scratch(size)
	if err != nil {
		t.Fatal(err)
	}
	mem := inst.Memory()
	for i := 0; i < size; i += 4096 {
		mem[int(p)+i] = 1 // touch every page
	}
	during, _ := ReadStats()
	inst.Release()
	after, _ := ReadStats()
	t.Logf("heap in use: %d before, %d with the scratch, %d after", before.HeapBytes, during.HeapBytes, after.HeapBytes)
	if during.HeapBytes < before.HeapBytes+uint64(size) {
		t.Errorf("heap in use with a %d-byte scratch: %d, before %d", size, during.HeapBytes, before.HeapBytes)
	}
	// Stacks may have come and gone meanwhile; allow for one.
	if after.HeapBytes > before.HeapBytes+stackSize+keepScratch {
		t.Errorf("heap in use after release: %d, before %d", after.HeapBytes, before.HeapBytes)
	}
}

func TestScratchTooLarge(t *testing.T) {
	inst := acquire(t)
	defer inst.Release()
	if _, err := inst.Scratch(3 << 30); err == nil {
		t.Error("a 3 GiB scratch buffer did not fail")
	}
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
