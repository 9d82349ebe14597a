package rt

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// reserveMemory halves what it asks for until the system grants it, takes
// at most half of what a limit on address space leaves, and gives up below
// reserveFloor with an error that says what it tried.
func TestReserveMemory(t *testing.T) {
	refuse := errors.New("cannot allocate memory")
	for _, c := range []struct {
		name          string
		limit, mapped uint64
		grant         uint64 // the largest reservation the system grants
		want          uint64 // 0: an error
		why           string
	}{
		{"no limit", 0, 0, 1 << 40, reserveLimit, ""},
		{"refused", 0, 0, 1 << 30, min(1<<30, reserveLimit), "failed: cannot allocate memory"},
		{"ulimit -v 2.4 GiB", 2_500_000 << 10, 1_200 << 20, 1 << 40, min(512<<20, reserveLimit), "ulimit -v"},
		{"limit and refusal", 2_500_000 << 10, 1_200 << 20, 128 << 20, 128 << 20, "ulimit -v"},
		{"mapped beyond the limit", 1 << 30, 2 << 30, 1 << 40, reserveFloor, "ulimit -v"},
		{"nothing granted", 0, 0, reserveFloor / 2, 0, "tried down to"},
	} {
		var tried []uint64
		res, err := reserveMemory(c.limit, c.mapped, func(n uint64) ([]byte, error) {
			tried = append(tried, n)
			if n > c.grant {
				return nil, refuse
			}
			return make([]byte, 0, 1), nil
		})
		got := uint64(0)
		if err == nil {
			got = tried[len(tried)-1]
		}
		why := res.why
		if err != nil {
			why = err.Error()
		}
		t.Logf("%s: tried %v: %q", c.name, tried, why)
		if got != c.want || !strings.Contains(why, c.why) || (c.why == "" && why != "") {
			t.Errorf("%s: reserved %d bytes (%q), want %d (%q)", c.name, got, why, c.want, c.why)
		}
		for i := 1; i < len(tried); i++ {
			if tried[i] != tried[i-1]/2 {
				t.Errorf("%s: tried %v, want halves", c.name, tried)
			}
		}
		if slices.ContainsFunc(tried, func(n uint64) bool { return n < reserveFloor }) {
			t.Errorf("%s: tried %v, below the floor %d", c.name, tried, uint64(reserveFloor))
		}
	}
}
