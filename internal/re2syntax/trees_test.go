package re2syntax

import (
	"regexp"
	"regexp/syntax"
	"testing"
)

// TestTrees translates syntax trees the parser does not produce (OpNoMatch,
// empty concatenations and alternations, unsorted overlapping classes,
// impossible literal runes) and compares with Go compiling the tree's
// String form.
func TestTrees(t *testing.T) {
	lit := func(s string, fold bool) *syntax.Regexp {
		re := &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune(s)}
		if fold {
			re.Flags = syntax.FoldCase
		}
		return re
	}
	op := func(op syntax.Op, subs ...*syntax.Regexp) *syntax.Regexp {
		return &syntax.Regexp{Op: op, Sub: subs}
	}
	noMatchRe := &syntax.Regexp{Op: syntax.OpNoMatch}
	class := &syntax.Regexp{Op: syntax.OpCharClass, Rune: []rune{'x', 'z', 'a', 'c', 'b', 'y', 0xD000, 0xE100, 0xFFFD, 0xFFFD}}
	fold := lit("kſé1", true)
	trees := []*syntax.Regexp{
		noMatchRe,
		op(syntax.OpConcat, lit("a", false), noMatchRe),
		op(syntax.OpAlternate, noMatchRe, lit("b", false)),
		op(syntax.OpStar, noMatchRe),
		op(syntax.OpConcat),
		op(syntax.OpPlus, class),
		op(syntax.OpConcat, fold, op(syntax.OpStar, fold)),
		op(syntax.OpAlternate, lit("a\U00012345", false), lit(string(rune(0xDABC)), false)),
		op(syntax.OpQuest, op(syntax.OpEmptyMatch)),
		op(syntax.OpConcat, lit("", false), lit("b", false)),
	}
	// Go compiles an empty alternation to a failure, although its String
	// form is empty; it cannot be compared through String.
	emptyAlt := op(syntax.OpConcat, lit("a", false), op(syntax.OpAlternate), lit("b", false))
	if got, want := Translate(emptyAlt, false), "a"+noMatch+"b"; got != want {
		t.Errorf("empty alternation: got %s, want %s", got, want)
	}
	inputs := allInputs(100)
	for _, tree := range trees {
		oracle, err := regexp.Compile(tree.String())
		if err != nil {
			t.Fatalf("%v: %v", tree, err)
		}
		tr := Translate(tree, false)
		emu, err := regexp.Compile(tr)
		if err != nil {
			t.Fatalf("%v: translation %s: %v", tree, tr, err)
		}
		c := &compiled{tree.String(), tr, oracle, emu}
		for _, in := range inputs {
			if err := c.check(in); err != nil {
				t.Error(err)
				break
			}
		}
	}
}
