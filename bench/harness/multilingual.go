package harness

import (
	"math/rand/v2"
	"strings"
)

// Multilingual text, generated: paragraphs in Latin-script languages with
// diacritics, Russian, Greek, Chinese, Japanese, Arabic and Korean, each
// paragraph in one script, with digits and Latin words sprinkled in, as in
// documents and chat logs that mix languages. The characters are real
// (common Chinese characters, the Greek and Arabic alphabets, kana, Hangul
// syllables); the words are made up by a seeded generator.

// script makes the words and sentences of one writing system.
type script struct {
	name   string
	weight int
	word   func(r *rand.Rand) string
	sep    string // between words
	ends   []string
	comma  string
}

// hanCommon are about 700 frequent Chinese characters.
const hanCommon = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切"

var hanRunes = []rune(hanCommon)

// runesOf returns the characters of s.
func runesOf(s string) []rune { return []rune(s) }

// syllableWord joins 1 to maxSyl syllables of onset and vowel characters.
func syllableWord(r *rand.Rand, onsets, vowels []rune, maxSyl int) string {
	var sb strings.Builder
	for range 1 + r.IntN(maxSyl) {
		sb.WriteRune(onsets[r.IntN(len(onsets))])
		sb.WriteRune(vowels[r.IntN(len(vowels))])
	}
	return sb.String()
}

var (
	latinOnsets = runesOf("bcdfghjklmnprstvwzbcdfglmnprstłśżčšřß")
	latinVowels = runesOf("aeiouyaeioueaàáâäéèêëíîïóôöúûüąęœ")
	greekOnsets = runesOf("βγδζθκλμνξπρστφχψ")
	greekVowels = runesOf("αεηιουωάέήίόύώ")
	arabicRunes = runesOf("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	hiragana    = runesOf("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼ")
	katakana    = runesOf("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボー")
	latinWords  = strings.Fields("OK iPhone Wi-Fi PDF API Berlin 2024 v2.1 COVID-19 e-mail USB GitHub Linux NASA 15:30")
)

var scripts = []script{
	{name: "latin", weight: 30, sep: " ", ends: []string{".", ".", "!", "?"}, comma: ",",
		word: func(r *rand.Rand) string { return syllableWord(r, latinOnsets, latinVowels, 4) }},
	{name: "cyrillic", weight: 20, sep: " ", ends: []string{".", ".", "!", "?"}, comma: ",",
		word: func(r *rand.Rand) string {
			v := ruVocabulary()
			if r.IntN(60) == 0 {
				return []string{"Шерлок", "Холмс", "ХОЛМС", "шерлок", "Холмса"}[r.IntN(5)]
			}
			return v[r.IntN(len(v))]
		}},
	{name: "greek", weight: 10, sep: " ", ends: []string{".", ".", ";"}, comma: ",",
		word: func(r *rand.Rand) string {
			w := syllableWord(r, greekOnsets, greekVowels, 4)
			if r.IntN(3) == 0 {
				w += "ς"
			}
			return w
		}},
	{name: "han", weight: 15, sep: "", ends: []string{"。", "。", "！", "？"}, comma: "，",
		word: func(r *rand.Rand) string {
			if r.IntN(80) == 0 {
				return "夏洛克·福尔摩斯"
			}
			var sb strings.Builder
			for range 1 + r.IntN(3) {
				sb.WriteRune(hanRunes[r.IntN(len(hanRunes))])
			}
			return sb.String()
		}},
	{name: "japanese", weight: 10, sep: "", ends: []string{"。", "。", "！"}, comma: "、",
		word: func(r *rand.Rand) string {
			var sb strings.Builder
			if r.IntN(4) == 0 {
				for range 2 + r.IntN(4) {
					sb.WriteRune(katakana[r.IntN(len(katakana))])
				}
				return sb.String()
			}
			sb.WriteRune(hanRunes[r.IntN(len(hanRunes))])
			for range 1 + r.IntN(3) {
				sb.WriteRune(hiragana[r.IntN(len(hiragana))])
			}
			return sb.String()
		}},
	{name: "arabic", weight: 8, sep: " ", ends: []string{".", "؟", "!"}, comma: "،",
		word: func(r *rand.Rand) string {
			var sb strings.Builder
			for range 2 + r.IntN(5) {
				sb.WriteRune(arabicRunes[r.IntN(len(arabicRunes))])
			}
			return sb.String()
		}},
	{name: "hangul", weight: 7, sep: " ", ends: []string{".", ".", "?"}, comma: ",",
		word: func(r *rand.Rand) string {
			var sb strings.Builder
			for range 1 + r.IntN(4) {
				sb.WriteRune(rune(0xAC00 + r.IntN(0xD7A3-0xAC00+1)))
			}
			return sb.String()
		}},
}

// multilingualText is n bytes of the multilingual text (cut at a character
// boundary; a shorter text is the start of a longer one).
func multilingualText(n int) []byte {
	return cached("multilingual", n, func(n int) []byte {
		r := newRand(31)
		total := 0
		for _, s := range scripts {
			total += s.weight
		}
		var sb strings.Builder
		sb.Grow(n + 1024)
		for sb.Len() < n+4 {
			k := r.IntN(total)
			var s script
			for _, s = range scripts {
				if k < s.weight {
					break
				}
				k -= s.weight
			}
			col := 0
			for range 2 + r.IntN(6) {
				for i, nw := 0, 3+r.IntN(10); i < nw; i++ {
					w := s.word(r)
					if r.IntN(25) == 0 {
						w = latinWords[r.IntN(len(latinWords))]
					}
					if i == 0 && s.name != "han" && s.name != "japanese" {
						w = capitalize(w)
					}
					switch {
					case col > 72:
						sb.WriteByte('\n')
						col = 0
					case i > 0:
						sb.WriteString(s.sep)
						col += len(s.sep)
					}
					sb.WriteString(w)
					col += len(w)
					if i < nw-1 && r.IntN(8) == 0 {
						sb.WriteString(s.comma)
					}
				}
				sb.WriteString(s.ends[r.IntN(len(s.ends))])
				if s.sep != "" {
					sb.WriteByte(' ')
					col++
				}
			}
			sb.WriteString("\n\n")
		}
		return cutRunes(sb.String(), n)
	})
}
