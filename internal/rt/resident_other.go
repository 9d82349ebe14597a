//go:build !linux

package rt

// resident is not measured outside Linux: 0 means unknown.
func resident(b []byte) (uint64, error) { return 0, nil }

// mapped is not measured outside Linux: 0 means unknown.
func mapped() uint64 { return 0 }
