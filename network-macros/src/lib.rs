//! The `network!` procedural macro (see the macro issue).
