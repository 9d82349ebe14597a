package rt

import (
	"sync"
	"sync/atomic"
)

// pool holds the idle instances. The one given back last waits in a slot
// of its own, taken and filled with one atomic operation each: most calls
// come one after another, and a mutex would cost them twice as much. Up to
// GOMAXPROCS more keep their stacks ("warm"); any others are stripped of
// stack and scratch ("cold") and get a stack again when taken.
type pool struct {
	last atomic.Pointer[Instance] // warm, or nil

	mu     sync.Mutex
	warm   []*Instance
	cold   []*Instance
	made   int // instances made for the pool (not the first, kept apart)
	lost   int // instances dropped after a trap
	stacks int // instances holding a stack block

	// maxWarm is GOMAXPROCS when the runtime started: asking the Go
	// runtime on every release would take its scheduler lock.
	maxWarm int
}

func (p *pool) take() *Instance {
	if inst := p.last.Swap(nil); inst != nil {
		return inst
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var inst *Instance
	if n := len(p.warm); n > 0 {
		inst, p.warm = p.warm[n-1], p.warm[:n-1]
	} else if n := len(p.cold); n > 0 {
		inst, p.cold = p.cold[n-1], p.cold[:n-1]
	}
	return inst
}

// count records an instance made and handed out.
func (p *pool) count() {
	p.mu.Lock()
	p.made++
	p.mu.Unlock()
}

// lose records an instance that was handed out and is dropped.
func (p *pool) lose() {
	p.mu.Lock()
	p.lost++
	p.mu.Unlock()
}

// put takes back an instance that was handed out.
func (p *pool) put(inst *Instance) {
	if inst.stackBase != 0 && p.last.CompareAndSwap(nil, inst) {
		return
	}
	p.mu.Lock()
	if inst.stackBase != 0 && len(p.warm) < p.maxWarm {
		p.warm = append(p.warm, inst)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	if inst.stackBase != 0 {
		inst.freeScratch()
		inst.m.takeStack(inst)
	}
	p.mu.Lock()
	p.cold = append(p.cold, inst)
	p.mu.Unlock()
}

func (p *pool) stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	idle := len(p.warm) + len(p.cold)
	if p.last.Load() != nil {
		idle++
	}
	return Stats{
		Instances:  p.made + 1,
		Idle:       idle,
		InUse:      max(p.made-idle-p.lost, 0),
		Lost:       p.lost,
		StackBytes: uint64(p.stacks) * stackSize,
	}
}
