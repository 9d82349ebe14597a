package harness

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
)

// Inputs are deterministic: the same size gives the same bytes in every
// process, so that every engine and every run sees the same text.

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }

var textCache sync.Map // key string → []byte

func cached(key string, n int, gen func(n int) []byte) []byte {
	k := fmt.Sprintf("%s/%d", key, n)
	if v, ok := textCache.Load(k); ok {
		return v.([]byte)
	}
	v, _ := textCache.LoadOrStore(k, gen(n))
	return v.([]byte)
}

// randomText is printable ASCII with a newline about every 30 bytes, the
// kind of input of the standard library's Match benchmarks. None of the
// Match patterns (which end in $, or need long upper-case runs) matches it.
func randomText(n int) []byte {
	return cached("random", n, func(n int) []byte {
		r := newRand(1)
		b := make([]byte, n)
		for i := range b {
			if r.IntN(30) == 0 {
				b[i] = '\n'
			} else {
				b[i] = byte(' ' + r.IntN('~'-' '+1))
			}
		}
		return b
	})
}

var words = strings.Fields(`the of and to in is that it was for on are as with his they
at be this from have or by one had not but what all were when we there can an your
which their said if do will each about how up out them then she many some so these
would other into has more her two like him see time could no make than first been its
who now people my made over did down only way find use may water long little very
after words called just where most know get through back much go good new write our
me man too any day same right look think also around another came come work three word
must because does part even place well such here take why things help put years different
away again off went old number great tell men say small every found still between name
should home big give air line set own under read last never us left end along while
might next sound below saw something thought both few those always looked show large
often together asked house don't world going want school important until form food keep
children feet land side without boy once animals life enough took four head above kind
began almost live page got earth need far hand high year mother light parts country
father let night following picture being study second eyes soon times story boys since
white days ever paper hard near sentence better best across during today others however
sure means knew it's try told young miles sun ways thing whole hear example heard several
change answer room sea against top turned learn point city play toward five using himself
usually money seen didn't car morning i'm body upon family later turn move face door cut
done group true leave color red friends pretty eat front feel fact hands watch felt
children stood sleep game beautiful cold table surface`)

// proseText is lower-case English-like prose: words, sentences starting with
// a capital letter, about 70 bytes a line. It has no '@' and no digit.
func proseText(n int) []byte {
	return cached("prose", n, func(n int) []byte {
		r := newRand(2)
		var sb strings.Builder
		sb.Grow(n + 64)
		col := 0
		start := true
		for sb.Len() < n {
			w := words[r.IntN(len(words))]
			if start {
				w = strings.ToUpper(w[:1]) + w[1:]
				start = false
			}
			sb.WriteString(w)
			col += len(w)
			switch {
			case r.IntN(9) == 0:
				sb.WriteByte('.')
				start = true
			case r.IntN(12) == 0:
				sb.WriteByte(',')
			}
			if col > 70 {
				sb.WriteByte('\n')
				col = 0
			} else {
				sb.WriteByte(' ')
				col++
			}
		}
		return []byte(sb.String()[:n])
	})
}

var (
	users   = []string{"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter"}
	domains = []string{"example", "mail", "corp", "acme", "initech", "globex"}
	actions = []string{"login", "logout", "view", "edit", "delete", "upload", "download", "search"}
	levels  = []string{"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"}
)

// logLine is one line of a plausible application log.
func logLine(r *rand.Rand) string {
	return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d %s user=%s@%s.com action=%s ip=%d.%d.%d.%d took=%dms msg=%q\n",
		1+r.IntN(12), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60),
		levels[r.IntN(len(levels))], users[r.IntN(len(users))], domains[r.IntN(len(domains))],
		actions[r.IntN(len(actions))], 10+r.IntN(200), r.IntN(256), r.IntN(256), 1+r.IntN(254),
		r.IntN(2000), words[r.IntN(len(words))]+" "+words[r.IntN(len(words))])
}

// logText is n bytes of log lines (the last one cut).
func logText(n int) []byte {
	return cached("log", n, func(n int) []byte {
		r := newRand(3)
		var sb strings.Builder
		sb.Grow(n + 200)
		for sb.Len() < n {
			sb.WriteString(logLine(r))
		}
		return []byte(sb.String()[:n])
	})
}
