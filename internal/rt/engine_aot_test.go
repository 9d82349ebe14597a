//go:build !re2wasm_wazero

package rt

import (
	"errors"
	"strings"
	"testing"
)

// wantEngine: the aot engine ignores RE2WASM_ENGINE, which is wazero's.
func wantEngine() string { return "aot" }

// The translation does not carry the size of the imported memory, so
// engine_aot.go states it; re2.wasm's import section is the authority.
func TestAOTMinPages(t *testing.T) {
	mems := readModule(t).ImportedMemories()
	if len(mems) != 1 {
		t.Fatalf("re2.wasm imports %d memories, want 1", len(mems))
	}
	if got := mems[0].Min(); got != minPages {
		t.Errorf("re2.wasm imports a memory of %d pages, engine_aot.go says %d", got, minPages)
	}
}

// A trap of the translated code is a Go panic (here an index out of range
// on the shared memory): Call recovers it, the process goes on, and the
// error says what the panic was.
func TestAOTTrapIsRecoveredPanic(t *testing.T) {
	inst := acquire(t)
	_, err := inst.Call(NumGroups, 0xfffffff0)
	inst.Release()
	if !errors.Is(err, ErrTrap) {
		t.Fatalf("err = %v, want ErrTrap", err)
	}
	if !strings.Contains(err.Error(), "re2w_num_groups") || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("err = %q: want the export and the panic", err)
	}
	// Memory grow after start-up fails cleanly instead of moving the memory.
	m, _ := get()
	if got := m.eng.mem.Grow(1, 65536); got != -1 {
		t.Errorf("memory.grow after start-up = %d, want -1", got)
	}
}
