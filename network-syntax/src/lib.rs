//! The description language (see the macro issue).
