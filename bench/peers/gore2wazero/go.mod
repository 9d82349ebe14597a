module github.com/re2wasm/regexp/bench/peers/gore2wazero

go 1.25.0

require (
	github.com/re2wasm/regexp/bench/harness v0.0.0-00010101000000-000000000000
	github.com/wasilibs/go-re2 v1.12.0
)

require (
	github.com/corazawaf/coraza-coreruleset/v4 v4.25.0 // indirect
	github.com/magefile/mage v1.17.0 // indirect
	github.com/tetratelabs/wazero v1.12.0 // indirect
	github.com/wasilibs/wazero-helpers v0.0.0-20250123031827-cd30c44769bb // indirect
	golang.org/x/sys v0.46.0 // indirect
)

replace github.com/re2wasm/regexp/bench/harness => ../../harness
