package rt

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// compileRE2 compiles RE2 pattern text (UTF-8 mode, RE2's syntax) through
// the ABI and returns the handle; the caller deletes it.
func compileRE2(tb testing.TB, inst *Instance, pattern string) uint64 {
	tb.Helper()
	buf, err := inst.Scratch(len(pattern) + 4)
	if err != nil {
		tb.Fatal(err)
	}
	copy(inst.Memory()[buf+4:], pattern)
	h, err := inst.Call(Compile, uint64(buf+4), uint64(len(pattern)), 0, 64<<20, uint64(buf))
	if err != nil || h == 0 {
		tb.Fatalf("compiling %q: handle %d, %v", pattern, h, err)
	}
	return h
}

// benchPatterns are the shapes RE2 compiles in practice: a small one, a
// case-folded alternation, a dictionary, a large Unicode class, a counted
// repetition.
var benchPatterns = map[string]string{
	"Email":      `(\w+)@(\w+)\.(com|org)`,
	"Folded":     `(?i)\balpha0[a-z]*\b|id=0[0-9a-f]{8}|user-0@(?:example|corp)\.com`,
	"Dictionary": dictionary(200),
	"Unicode":    `\p{L}+\p{N}*`,
	"Repeat":     `[a-q][^u-z]{13}x`,
}

func dictionary(n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("w%dord%c", i, 'a'+i%26)
	}
	return strings.Join(words, "|")
}

// RE2 allocates much while compiling: the allocator's speed shows here.
func BenchmarkCompile(b *testing.B) {
	for _, name := range []string{"Email", "Folded", "Dictionary", "Unicode", "Repeat"} {
		b.Run(name, func(b *testing.B) {
			inst := acquire(b)
			defer inst.Release()
			for b.Loop() {
				h := compileRE2(b, inst, benchPatterns[name])
				if _, err := inst.Call(Delete, h); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// block is an allocation of the random heap test, filled from its seed.
type block struct {
	addr, size uint64
	seed       byte
}

// fill writes the block's bytes (all of a small one; the ends and a byte
// per page of a large one) and check compares them.
func (b block) offsets() []uint64 {
	if b.size <= 256 {
		out := make([]uint64, b.size)
		for i := range out {
			out[i] = uint64(i)
		}
		return out
	}
	var out []uint64
	for i := uint64(0); i < 64; i++ {
		out = append(out, i, b.size-1-i)
	}
	for i := uint64(64); i < b.size-64; i += 4096 {
		out = append(out, i)
	}
	return out
}

func (b block) fill(mem []byte) {
	for _, o := range b.offsets() {
		mem[b.addr+o] = b.seed + byte(o*7)
	}
}

func (b block) intact(mem []byte) bool {
	for _, o := range b.offsets() {
		if mem[b.addr+o] != b.seed+byte(o*7) {
			return false
		}
	}
	return true
}

// Random allocations and frees of every size class and of large spans,
// with trims in between: blocks never overlap, keep their contents (a trim
// discards only free pages), are 8-aligned, and once all are freed the
// heap in use is back where it was.
func TestHeapRandom(t *testing.T) {
	ops := 40000
	if testing.Short() {
		ops = 8000
	}
	inst := acquire(t)
	defer inst.Release()
	m := inst.m
	mem := inst.Memory()
	base := m.heapStat(statInUse)
	rng := rand.New(rand.NewPCG(1, 2))
	size := func() uint64 {
		switch r := rng.IntN(100); {
		case r < 70:
			return 1 + rng.Uint64N(256)
		case r < 95:
			return 257 + rng.Uint64N(32<<10)
		default:
			return 32<<10 + rng.Uint64N(2<<20)
		}
	}
	var live []block
	check := func(when string) {
		sorted := slices.Clone(live)
		slices.SortFunc(sorted, func(a, b block) int { return cmp.Compare(a.addr, b.addr) })
		for k, b := range sorted {
			if !b.intact(mem) {
				t.Fatalf("%s: block %#x (%d bytes) was overwritten", when, b.addr, b.size)
			}
			if k > 0 && sorted[k-1].addr+sorted[k-1].size > b.addr {
				t.Fatalf("%s: blocks %#x+%d and %#x overlap", when, sorted[k-1].addr, sorted[k-1].size, b.addr)
			}
		}
	}
	trims := 0
	for op := range ops {
		if len(live) == 0 || rng.IntN(100) < 55 {
			n := size()
			p, err := inst.Call(Malloc, n)
			if err != nil || p == 0 {
				t.Fatalf("malloc(%d) after %d ops: %d, %v", n, op, p, err)
			}
			if p%8 != 0 {
				t.Fatalf("malloc(%d) = %#x: not 8-aligned", n, p)
			}
			b := block{p, n, byte(op)}
			b.fill(mem)
			live = append(live, b)
		} else {
			k := rng.IntN(len(live))
			b := live[k]
			if !b.intact(mem) {
				t.Fatalf("block %#x (%d bytes) was overwritten", b.addr, b.size)
			}
			live[k] = live[len(live)-1]
			live = live[:len(live)-1]
			if _, err := inst.Call(Free, b.addr); err != nil {
				t.Fatal(err)
			}
		}
		if op%1000 == 999 {
			if m.trimming.CompareAndSwap(false, true) {
				if err := m.trimHeap(inst, 0); err != nil {
					t.Fatal(err)
				}
				m.trimming.Store(false)
				trims++
			}
			check(fmt.Sprintf("after %d ops", op+1))
		}
	}
	var held uint64
	for _, b := range live {
		held += b.size
	}
	if inUse := m.heapStat(statInUse) - base; inUse < held {
		t.Errorf("heap in use %d bytes, less than the %d bytes held", inUse, held)
	}
	t.Logf("%d ops, %d trims; %d blocks of %d bytes held in %d bytes; %d spans discarded", ops, trims, len(live), held,
		m.heapStat(statInUse)-base, m.heapStat(statTrims))
	for _, b := range live {
		if _, err := inst.Call(Free, b.addr); err != nil {
			t.Fatal(err)
		}
	}
	if got := m.heapStat(statInUse); got != base {
		t.Errorf("heap in use after freeing everything: %d bytes, before %d", got, base)
	}
}

// Memory RE2 frees goes back to the operating system: 64 MiB (16 MiB with
// -short) of patterns and small blocks, touched and freed, leave no more
// than trimAbove of free pages resident (without trims, all of it stays).
func TestFreedPagesGoBack(t *testing.T) {
	if !canDiscard {
		t.Skip("the memory is a Go slice: nothing goes back")
	}
	fill := uint64(64 << 20)
	if testing.Short() {
		fill = 16 << 20
	}
	inst := acquire(t)
	m := inst.m
	mem := inst.Memory()
	before, err := resident(m.memory)
	if err != nil {
		t.Fatal(err)
	}
	var handles, blocks []uint64
	for i := range 200 {
		handles = append(handles, compileRE2(t, inst, fmt.Sprintf(`(?i)\bword%d[a-z]*\b|id=%d[0-9a-f]{8}`, i, i)))
	}
	for start, i := m.heapStat(statInUse), uint64(0); m.heapStat(statInUse)-start < fill; i++ {
		n := 16 << (i % 8) // 16 B to 2 KiB
		p, err := inst.Call(Malloc, uint64(n))
		if err != nil || p == 0 {
			t.Fatalf("malloc(%d): %d, %v", n, p, err)
		}
		mem[p] = 1
		blocks = append(blocks, p)
	}
	held, _ := resident(m.memory)
	for _, h := range handles {
		if _, err := inst.Call(Delete, h); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range blocks {
		if _, err := inst.Call(Free, p); err != nil {
			t.Fatal(err)
		}
	}
	inst.Release() // trims
	after, _ := resident(m.memory)
	t.Logf("%d patterns and %d blocks: wasm memory resident %.1f MiB before, %.1f MiB holding them, %.1f MiB after freeing them (free and resident: %.1f MiB)",
		len(handles), len(blocks), mib(before), mib(held), mib(after), mib(m.heapStat(statFreeResident)))
	if after > before+trimAbove+1<<20 {
		t.Errorf("%.1f MiB of wasm memory resident after freeing, %.1f MiB before", mib(after), mib(before))
	}
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }
