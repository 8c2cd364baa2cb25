//! `docs/language.md` is written from the language's tables: this test fails when the
//! committed file is stale; `BLESS=1 cargo test -p network-syntax --test language_doc`
//! rewrites it.

#[test]
fn language_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/language.md");
    let text = network_syntax::reference::language_markdown();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "docs/language.md is stale; rerun with BLESS=1 and review the diff"
    );
}
