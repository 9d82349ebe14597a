package harness

import (
	"fmt"
	"strings"
	"time"
)

// Haystacks of the Curated family that stand in for rebar's: where rebar
// uses text whose licence is unclear (OpenSubtitles, a user's log) or that
// is not committed here (CPython's and Rust's sources), a generator makes
// text of the same kind.

// chineseNames are the Chinese names of rebar's Chinese literal cases.
var chineseNames = []string{"夏洛克·福尔摩斯", "约翰华生", "阿德勒", "雷斯垂德", "莫里亚蒂教授"}

// chineseProse is n bytes of generated Chinese prose: common characters in
// words of one to three, full-width punctuation, a line a paragraph, one
// sentence in about 30 naming one of the names (cut at a character
// boundary; a shorter text is the start of a longer one).
func chineseProse(n int) []byte {
	return cached("zh-prose", n, func(n int) []byte {
		r := newRand(51)
		var sb strings.Builder
		sb.Grow(n + 256)
		for sb.Len() < n+4 {
			for range 2 + r.IntN(5) {
				if r.IntN(30) == 0 {
					sb.WriteString(chineseNames[r.IntN(len(chineseNames))])
				}
				for i, nw := 0, 4+r.IntN(10); i < nw; i++ {
					for range 1 + r.IntN(3) {
						sb.WriteRune(hanRunes[r.IntN(len(hanRunes))])
					}
					if i < nw-1 && r.IntN(6) == 0 {
						sb.WriteString("，")
					}
				}
				sb.WriteString([]string{"。", "。", "。", "！", "？"}[r.IntN(5)])
			}
			sb.WriteByte('\n')
		}
		return cutRunes(sb.String(), n)
	})
}

// unstructuredLog is n bytes of lines in the format of rebar's
// unstructured-to-json log (timestamp, level and verbosity, bracketed and
// parenthesised headers, a message, the source location in braces), made
// up here; every line matches the pattern of the case.
func unstructuredLog(n int) []byte {
	return cached("u2j-log", n, func(n int) []byte {
		r := newRand(52)
		t := time.Date(2022, 6, 17, 6, 25, 22, 0, time.UTC)
		msgs := []string{
			"Searching for query '%s'",
			"Error on [search-node:%d]: 4 - Deadline Exceeded",
			"Error: Node %d (search-node:8080): Deadline Exceeded (0.%06d)",
			"%d text and 0 graphic results for '%s'.",
			"Cache miss for key %d, fetching",
		}
		locs := []string{"/src/master/searchattrs.cc:SearchAttributes():40", "/src/master/nodeclient.cc:getFuturesResults():160",
			"/src/master/noderesult.cc:logDbgInfo():32", "/src/master/master.cc:search():830", "/src/cache/lru.cc:get():77"}
		var sb strings.Builder
		sb.Grow(n + 512)
		for sb.Len() < n {
			t = t.Add(time.Duration(r.IntN(900)) * time.Millisecond)
			i := r.IntN(len(msgs))
			var msg string
			switch i {
			case 0:
				msg = fmt.Sprintf(msgs[i], words[r.IntN(len(words))]+" "+words[r.IntN(len(words))])
			case 1, 4:
				msg = fmt.Sprintf(msgs[i], r.IntN(100000))
			case 2:
				msg = fmt.Sprintf(msgs[i], r.IntN(40), r.IntN(1000000))
			default:
				msg = fmt.Sprintf(msgs[i], r.IntN(50), words[r.IntN(len(words))])
			}
			fmt.Fprintf(&sb, "%s %c%d: [%d:%d:(%d)]: (%08x-%04x-%04x-%04x-%012x): %s {%s}\n",
				t.Format("2006/01/02 15:04:05"), "DIWEF"[r.IntN(5)], 1+r.IntN(4),
				17936, 140245395805952+r.IntN(8), 17998+r.IntN(40),
				r.Uint32(), r.IntN(1<<16), r.IntN(1<<16), r.IntN(1<<16), r.Uint64()&(1<<48-1),
				msg, locs[i])
		}
		// Whole lines only: every line must match.
		s := sb.String()[:n]
		return []byte(s[:strings.LastIndexByte(s, '\n')+1])
	})
}
