package rt

import "sync"

// pool holds the idle instances. Up to GOMAXPROCS of them keep their stacks
// ("warm"); any more are stripped of stack and scratch ("cold") and get a
// stack again when taken.
type pool struct {
	mu     sync.Mutex
	warm   []*Instance
	cold   []*Instance
	made   int // instances made, the first included
	lost   int // instances dropped after a trap
	inUse  int
	stacks int // instances holding a stack block

	// maxWarm is GOMAXPROCS when the runtime started: asking the Go
	// runtime on every release would take its scheduler lock.
	maxWarm int
}

func (p *pool) take() *Instance {
	p.mu.Lock()
	defer p.mu.Unlock()
	var inst *Instance
	if n := len(p.warm); n > 0 {
		inst, p.warm = p.warm[n-1], p.warm[:n-1]
	} else if n := len(p.cold); n > 0 {
		inst, p.cold = p.cold[n-1], p.cold[:n-1]
	}
	if inst != nil {
		p.inUse++
	}
	return inst
}

// count records an instance made and handed out.
func (p *pool) count() {
	p.mu.Lock()
	p.made++
	p.inUse++
	p.mu.Unlock()
}

func (p *pool) lose() {
	p.mu.Lock()
	p.lost++
	p.inUse--
	p.mu.Unlock()
}

// put takes back an instance that was handed out.
func (p *pool) put(inst *Instance) {
	p.mu.Lock()
	p.inUse--
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
	return Stats{
		Instances:  p.made + 1,
		Idle:       len(p.warm) + len(p.cold),
		InUse:      p.inUse,
		Lost:       p.lost,
		StackBytes: uint64(p.stacks) * stackSize,
	}
}
