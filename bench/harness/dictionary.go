package harness

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The Dictionary family: an alternation of many words (a keyword list, a
// block list, a glossary) searched for in prose, every match counted with
// FindAllIndex. English words are those of the Sherlock Holmes stories
// (data/sherlock.txt) and the prose is the stories themselves; Russian
// words and prose are generated (russian.go). Words are picked at random
// (seeded) among those of four or more letters, and sorted longest first,
// as a dictionary search is usually written, so that a longer word wins
// over a word it starts with.

// dictWordCounts are the sizes of the alternations.
var dictWordCounts = []int{10, 100, 1000, 5000}

// englishVocabulary is the distinct words of the stories (letters only, as
// spelled, so "Holmes" and "holmes" are two words).
var englishVocabulary = sync.OnceValue(func() []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(sherlockBody(), -1) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
})

// dictionaryWords picks n words of four or more letters from vocab.
func dictionaryWords(vocab []string, n int, seed uint64) []string {
	var pool []string
	for _, w := range vocab {
		if utf8.RuneCountInString(w) >= 4 {
			pool = append(pool, w)
		}
	}
	r := rand.New(rand.NewPCG(seed, 0xd1c7))
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	out := slices.Clone(pool[:min(n, len(pool))])
	slices.SortFunc(out, func(a, b string) int {
		if la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); la != lb {
			return lb - la
		}
		return strings.Compare(a, b)
	})
	return out
}

// alternation is the pattern that matches any of the words.
func alternation(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

// dictLanguages are the languages of the family: vocabulary and prose.
var dictLanguages = []struct {
	name  string
	vocab func() []string
	prose func(n int) []byte
}{
	{"en", englishVocabulary, sherlockSized},
	{"ru", func() []string { return ruVocabulary()[len(ruFunction):] }, russianProse},
}

func init() {
	addFamily(Family{Name: "Dictionary", Cases: func(p Preset) []Case {
		var cs []Case
		for _, lang := range dictLanguages {
			for _, nw := range dictWordCounts {
				for _, n := range p.DictSizes {
					cs = append(cs, Case{
						Name:  fmt.Sprintf("lang=%s/words=%d/size=%s", lang.name, nw, sizeName(n)),
						Bytes: int64(n),
						Setup: func(e *Engine) (*Run, error) {
							pattern := alternation(dictionaryWords(lang.vocab(), nw, 1))
							return textModel(pattern, func() []byte { return lang.prose(n) }, countMatches)(e)
						},
					})
				}
			}
			nw := dictWordCounts[len(dictWordCounts)-1]
			cs = append(cs, Case{
				Name:  fmt.Sprintf("lang=%s/words=%d/op=compile", lang.name, nw),
				Setup: compileCase(func() string { return alternation(dictionaryWords(lang.vocab(), nw, 1)) }, string(lang.prose(1000))),
			})
		}
		return cs
	}})
}
