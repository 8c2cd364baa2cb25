//! `docs/models.md` is written from the parameter tables: this test fails when the
//! committed file is stale; `BLESS=1 cargo test -p network-spec --test models_doc`
//! rewrites it.

#[test]
fn models_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/models.md");
    let text = network_spec::docs::models_markdown();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "docs/models.md is stale; rerun with BLESS=1 and review the diff"
    );
}
