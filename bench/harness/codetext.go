package harness

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Source code, generated, for the Curated cases that rebar runs on CPython's
// and Rust's sources (which are not committed here): Python modules with
// classes, methods, comments and docstrings, an occasional `# noqa`
// comment and, rarely, a credential left in a settings block; Rust modules
// with functions that return Result, impls and doc comments, some of them
// written in Title Case.

var (
	pyNouns = strings.Fields("order queue item user session cache buffer record event token request response " +
		"config handler worker client server parser reader writer table index column value result error")
	pyVerbs = strings.Fields("get set load save parse read write open close push pop send fetch build check " +
		"update delete find match flush reset apply handle")
	pyBases = strings.Fields("object Exception BaseQueue Mapping Protocol Thread unittest.TestCase")
	noqas   = []string{"# noqa", "# noqa: E501", "# noqa: F401", "# noqa:E402,F403", "# NOQA", "# noqa: E731, E741"}
	// pySecrets are settings that secret scanners look for.
	pySecrets = []string{
		"AWS_ACCESS_KEY_ID = \"AKIAQ3EGVP7RTXZ4M2KD\"\nAWS_SECRET_ACCESS_KEY = \"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\"",
		"TWITTER_API_KEY = 'UZYoBAfBzNace3mBwPOGYw'",
		"GITHUB_TOKEN = \"ghp_R8tY2mQ9vX4bN7kL1pZ6wC3dF5gH0jS2aE9u\"",
		"SLACK_WEBHOOK = \"https://hooks.slack.com/services/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\"",
		"STRIPE_KEY = \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"",
		"password = \"hunter2\"  # TODO: move to the vault",
	}
)

func pyName(r *rand.Rand) string {
	return pyVerbs[r.IntN(len(pyVerbs))] + "_" + pyNouns[r.IntN(len(pyNouns))]
}

func pyClass(r *rand.Rand) string {
	a, b := pyNouns[r.IntN(len(pyNouns))], pyNouns[r.IntN(len(pyNouns))]
	return capitalize(a) + capitalize(b)
}

// pythonSource is n bytes of generated Python (a shorter text is the start
// of a longer one).
func pythonSource(n int) []byte {
	return cached("python", n, func(n int) []byte {
		r := newRand(41)
		var sb strings.Builder
		sb.Grow(n + 1024)
		line := func(indent int, format string, args ...any) {
			sb.WriteString(strings.Repeat("    ", indent))
			fmt.Fprintf(&sb, format, args...)
			if r.IntN(150) == 0 {
				sb.WriteString("  " + noqas[r.IntN(len(noqas))])
			}
			sb.WriteByte('\n')
		}
		for module := 0; sb.Len() < n; module++ {
			line(0, `"""%s %s for the %s service."""`, capitalize(pyVerbs[r.IntN(len(pyVerbs))]), pyNouns[r.IntN(len(pyNouns))], pyNouns[r.IntN(len(pyNouns))])
			line(0, "import os")
			line(0, "import sys")
			line(0, "from collections import defaultdict")
			sb.WriteString("\n")
			if module%4 == 1 {
				line(0, "# Settings for local runs.")
				sb.WriteString(pySecrets[r.IntN(len(pySecrets))] + "\n\n")
			}
			for range 2 + r.IntN(3) {
				cls := pyClass(r)
				line(0, "class %s(%s):", cls, pyBases[r.IntN(len(pyBases))])
				line(1, `"""Keep the %s of a %s until a %s takes them."""`, pyNouns[r.IntN(len(pyNouns))], pyNouns[r.IntN(len(pyNouns))], pyNouns[r.IntN(len(pyNouns))])
				sb.WriteString("\n")
				line(1, "def __init__(self, capacity=%d, name=%q):", 1<<(3+r.IntN(8)), pyNouns[r.IntN(len(pyNouns))])
				line(2, "self.capacity = capacity")
				line(2, "self._items = []")
				line(2, "self._index = defaultdict(list)")
				sb.WriteString("\n")
				for range 2 + r.IntN(5) {
					a, b := pyNouns[r.IntN(len(pyNouns))], pyNouns[r.IntN(len(pyNouns))]
					line(1, "def %s(self, %s, %s=None):", pyName(r), a, b)
					line(2, "# %s the %s before the %s is %s.", capitalize(pyVerbs[r.IntN(len(pyVerbs))]), a, b, words[r.IntN(len(words))])
					line(2, "if %s is None:", b)
					line(3, "raise ValueError(\"%s must not be None: %%r\" %% (%s,))", b, a)
					line(2, "for i, %s in enumerate(self._items[:%d]):", b, r.IntN(100))
					line(3, "if %s == %s or i > self.capacity:", b, a)
					line(4, "return self.%s(%s)", pyName(r), b)
					line(2, "self._index[%s].append(len(self._items))", a)
					line(2, "return os.path.join(%q, str(%s), sys.platform)", "/var/lib/"+pyNouns[r.IntN(len(pyNouns))], a)
					sb.WriteString("\n")
				}
				sb.WriteString("\n")
			}
		}
		return []byte(sb.String()[:n])
	})
}

var (
	rsTypes  = strings.Fields("Header Frame Token Span Config Request Response Buffer Entry Record Node Edge Table")
	rsErrors = strings.Fields("ParseError IoError Utf8Error DecodeError TimeoutError")
	rsTitles = []string{
		"Reads A Frame From The Stream And Returns It Together With The Number Of Bytes Consumed",
		"Returns The First Entry Of The Table That Matches The Given Key Exactly",
		"Parses A Header Line Such As Content Length Or Transfer Encoding Into Its Parts",
	}
)

// rustSource is n bytes of generated Rust (a shorter text is the start of a
// longer one).
func rustSource(n int) []byte {
	return cached("rust", n, func(n int) []byte {
		r := newRand(42)
		var sb strings.Builder
		sb.Grow(n + 1024)
		for item := 0; sb.Len() < n; item++ {
			ty := rsTypes[r.IntN(len(rsTypes))]
			errTy := rsErrors[r.IntN(len(rsErrors))]
			fn := pyName(r)
			switch k := r.IntN(25); {
			case k == 0:
				fmt.Fprintf(&sb, "/// %s.\n", rsTitles[r.IntN(len(rsTitles))])
			case k < 3:
				fmt.Fprintf(&sb, "/// Implementation detail: %s the %s without checking it.\n",
					pyVerbs[r.IntN(len(pyVerbs))], pyNouns[r.IntN(len(pyNouns))])
			default:
				fmt.Fprintf(&sb, "/// %s the %s of a %s, or the error that stopped it.\n",
					capitalize(pyVerbs[r.IntN(len(pyVerbs))]), pyNouns[r.IntN(len(pyNouns))], strings.ToLower(ty))
			}
			fmt.Fprintf(&sb, "pub fn %s(input: &[u8], limit: usize) -> Result<%s, %s> {\n", fn, ty, errTy)
			fmt.Fprintf(&sb, "    let mut map: HashMap<String, Vec<u8>> = HashMap::with_capacity(%d);\n", 1<<(2+r.IntN(8)))
			fmt.Fprintf(&sb, "    for (i, chunk) in input.chunks(%d).enumerate() {\n", 1<<(4+r.IntN(8)))
			sb.WriteString("        if i >= limit {\n")
			fmt.Fprintf(&sb, "            return Err(%s::new(\"limit reached\"));\n", errTy)
			sb.WriteString("        }\n")
			fmt.Fprintf(&sb, "        map.entry(format!(\"{}-{}\", i, chunk.len())).or_default().extend_from_slice(chunk);\n")
			sb.WriteString("    }\n")
			fmt.Fprintf(&sb, "    Ok(%s::from_map(map)?)\n}\n\n", ty)
			if item%5 == 4 {
				fmt.Fprintf(&sb, "impl fmt::Display for %s {\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n", ty)
				fmt.Fprintf(&sb, "        write!(f, \"%s({})\", self.len())\n    }\n}\n\n", ty)
			}
		}
		return []byte(sb.String()[:n])
	})
}
