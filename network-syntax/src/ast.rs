//! The syntax tree: what was written, with the tokens' spans, before any check.

pub use crate::span::SpanRange;
use proc_macro2::Span;
use syn::{Attribute, Ident, LitStr, Visibility};

/// A whole description: an optional header (`pub struct Name;`) and its statements.
pub struct NetworkAst {
    /// The header; the macro needs it, a file loader does not.
    pub header: Option<Header>,
    /// The statements in source order.
    pub items: Vec<Item>,
    /// The statements that did not parse, by what they declare: their names are known
    /// (so their uses report nothing more, and the generated type keeps its fields) but
    /// unusable.
    pub broken: Vec<Broken>,
}

/// What a statement that did not parse declares, read from its first words.
pub enum Broken {
    /// `neuron NAME`, `synapse NAME`, `population NAME`, `mask NAME`: the keyword and
    /// the name.
    Named(Ident, Ident),
    /// `record NAME = KIND` or `stimulate NAME = KIND`: the keyword, name and device.
    Device(Ident, Ident, Ident),
    /// `connect [NAME =] SOURCE -> TARGET`.
    Connect {
        /// The written name, if any.
        name: Option<Ident>,
        /// The source population.
        source: Ident,
        /// The target population.
        target: Ident,
    },
}

/// `/// docs` `pub struct SeedNetwork;`
pub struct Header {
    /// Doc comments and other attributes.
    pub attrs: Vec<Attribute>,
    /// Visibility of the generated type.
    pub vis: Visibility,
    /// Name of the generated type.
    pub name: Ident,
}

/// One statement.
// A tree is built once per description, so the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Item {
    /// `resolution = 0.1 ms;` or `seed = 42;`
    Setting {
        /// The setting's name.
        key: Ident,
        /// Its value.
        value: Expr,
    },
    /// `neuron PV = iaf_psc_alpha(inhibitory) { C_m: 200 pF } where { .. };`
    Neuron(NeuronItem),
    /// `synapse strong = static_synapse { weight: 5 pA, delay: 1 ms };`
    Synapse {
        /// Doc comments.
        docs: Vec<String>,
        /// The variant's name.
        name: Ident,
        /// The base synapse model.
        base: Ident,
        /// Its defaults.
        params: Fields,
    },
    /// `population l23pyr = PyL23[800] in box(..) where { .. };`
    Population(PopulationItem),
    /// `mask corner = sphere(center: [0, 0, 0] mm, radius: 0.5 mm);`
    Mask {
        /// Doc comments.
        docs: Vec<String>,
        /// The mask's name.
        name: Ident,
        /// Its shape.
        shape: Call,
    },
    /// `record exc_spikes = spike_recorder { .. } <- l23pyr;`
    Record(DeviceItem),
    /// `stimulate dc = dc_generator { .. } -> l23pyr within corner via ..;`
    Stimulate(DeviceItem),
    /// `connect pvpop -> l23pyr: fixed_indegree(1), .., via static_synapse { .. };`
    Connect(ConnectItem),
    /// `protocol { simulate 100 ms; set exc.I_e = 376 pA; simulate 100 ms; }`
    Protocol(ProtocolItem),
}

/// A run sequence: what a NEST script does between `Simulate` calls, in order.
pub struct ProtocolItem {
    /// The `protocol` keyword.
    pub keyword: Ident,
    /// The statements in the braces, in order.
    pub statements: Vec<ProtocolStatement>,
}

/// One statement of a protocol.
pub enum ProtocolStatement {
    /// `simulate 100 ms;`
    Simulate {
        /// The keyword.
        keyword: Ident,
        /// How long.
        time: Expr,
    },
    /// `set exc[0..10].V_m = -70 mV;`, `set drive.rate = 20 kHz;`,
    /// `set exc_to_inh.weight = 50 pA;`
    Set {
        /// What is set: a population (with an optional slice), a device or a connection.
        entity: Ident,
        /// `[a..b]` or `[i, j]` after a population.
        slice: Option<Slice>,
        /// The parameter's NEST name.
        param: Ident,
        /// The value.
        value: Expr,
    },
    /// `set exc within center { V_m: -70 mV + 5 mV * x / 1 mm, V_th: uniform(..) };`:
    /// parameters of some neurons (a population, a slice or a mask selection), each a
    /// number, a random term or an expression of the neuron's position.
    SetNeurons {
        /// The keyword `set`.
        keyword: Ident,
        /// The neurons.
        target: Target,
        /// The parameters and their values.
        fields: Fields,
    },
    /// `record late = multimeter { .. } <- exc;`: a recorder added between runs.
    Record(DeviceItem),
    /// `read w_mid = e2i { weight, U };`: a connection's synapses read now (NEST's
    /// `GetConnections(..).get([..])`).
    Read {
        /// The keyword `read`.
        keyword: Ident,
        /// The name the table is known by.
        name: Ident,
        /// The named connection read.
        connection: Ident,
        /// The columns after `source` and `target`; `None` for every one the synapse has.
        columns: Option<Vec<Ident>>,
    },
}

/// A neuron model variant.
pub struct NeuronItem {
    /// Doc comments.
    pub docs: Vec<String>,
    /// The variant's name.
    pub name: Ident,
    /// The NEST model it derives from.
    pub base: Ident,
    /// A cell-class preset, `(inhibitory)` or `(excitatory)`.
    pub preset: Option<Ident>,
    /// Parameter overrides.
    pub params: Fields,
    /// Biological metadata after `where`.
    pub meta: Option<Fields>,
}

/// A population.
pub struct PopulationItem {
    /// Doc comments.
    pub docs: Vec<String>,
    /// Its name.
    pub name: Ident,
    /// Its neuron model.
    pub model: Ident,
    /// The number of neurons: a whole number, or (when `dynamic` is set) the name of
    /// the field of the generated `<Name>Sizes` struct that gives it at build time.
    pub size: Expr,
    /// `[dyn name]`: the size is only known when the network is built.
    pub dynamic: Option<Span>,
    /// Positions: `in box(..)`, `at positions(..)`, `on grid(..)`.
    pub space: Option<(Ident, Call)>,
    /// Initial state and parameters per neuron after `with`: `{ V_m: -70 mV + 5 mV * x / 1 mm }`.
    pub initial: Option<Fields>,
    /// Metadata after `where`.
    pub meta: Option<Fields>,
}

/// A recorder or stimulator.
pub struct DeviceItem {
    /// Doc comments.
    pub docs: Vec<String>,
    /// Its name.
    pub name: Ident,
    /// The NEST device model.
    pub kind: Ident,
    /// Its parameters (empty when none were written).
    pub params: Fields,
    /// The neurons it records from or stimulates (`-> a, b` lists several).
    pub targets: Vec<Target>,
    /// The synapse of a stimulator.
    pub via: Option<Via>,
}

/// The neurons a device or connection reaches.
pub struct Target {
    /// The population.
    pub population: Ident,
    /// An index range or list: `[a..b]`, `[a..]`, `[..b]`, `[i, j, k]`.
    pub slice: Option<Slice>,
    /// `within MASK [at [x, y, z] mm]`.
    pub within: Option<(MaskRef, Option<Expr>)>,
}

/// Some indices of a population, as NEST slices a NodeCollection.
#[derive(Debug, Clone)]
pub enum Slice {
    /// `[a..b]` (either end may be left out: from 0, to the end).
    Range {
        /// First index.
        start: Option<usize>,
        /// One past the last index.
        end: Option<usize>,
        /// The brackets.
        span: SpanRange,
    },
    /// `[i, j, k]`: these indices, increasing.
    List {
        /// The indices as written.
        indices: Vec<usize>,
        /// The brackets.
        span: SpanRange,
    },
}

impl Slice {
    /// The brackets.
    pub fn span(&self) -> SpanRange {
        match self {
            Slice::Range { span, .. } | Slice::List { span, .. } => *span,
        }
    }
}

/// A mask, named or written in place.
pub enum MaskRef {
    /// A `mask` statement's name.
    Named(Ident),
    /// A mask written in place, e.g. `sphere(radius: 1 mm)`.
    Inline(Call),
}

/// `via static_synapse { weight: .., delay: .. }` or `via strong`.
pub struct Via {
    /// `static_synapse` or a `synapse` statement's name.
    pub synapse: Ident,
    /// Weight and delay, overriding the synapse's defaults.
    pub params: Option<Fields>,
}

/// A connection statement.
pub struct ConnectItem {
    /// Doc comments.
    pub docs: Vec<String>,
    /// Optional name (`connect pv_to_pyr = a -> b: ..`).
    pub name: Option<Ident>,
    /// The source population, or part of it (`exc[0..100]`, `exc within m`).
    pub source: Target,
    /// The target population, or part of it.
    pub target: Target,
    /// The arrow, for diagnostics about the pair.
    pub arrow: SpanRange,
    /// The rule, e.g. `fixed_indegree(4)` or `from_biology`.
    pub rule: Call,
    /// `in MASK`.
    pub mask: Option<MaskRef>,
    /// `with p = gaussian(..)`.
    pub kernel: Option<Call>,
    /// `with p = EXPRESSION` of distance (`0.3 * exp(-distance / 150 um)`), when it is
    /// not one of the kernels.
    pub p_expression: Option<Box<Expr>>,
    /// `no autapses`.
    pub no_autapses: Option<SpanRange>,
    /// `no multapses`.
    pub no_multapses: Option<SpanRange>,
    /// `use_on_source`.
    pub use_on_source: Option<SpanRange>,
    /// The synapse.
    pub via: Option<Via>,
    /// Connection metadata after `where`.
    pub meta: Option<Fields>,
}

/// `name(args)`; a bare `name` has no arguments.
pub struct Call {
    /// The function's name.
    pub name: Ident,
    /// Positional and named arguments.
    pub args: Vec<Arg>,
    /// The whole call.
    pub span: SpanRange,
}

/// An argument of a call.
pub enum Arg {
    /// `radius: 1 mm`
    Named(Field),
    /// `1 mm`
    Positional(Expr),
}

/// `{ name: value, .. }`
pub struct Fields {
    /// The entries, in source order.
    pub fields: Vec<Field>,
    /// The braces (or the place where they would be).
    pub span: Span,
}

/// `name: value`
pub struct Field {
    /// The name.
    pub name: Ident,
    /// The value.
    pub value: Expr,
}

/// A value as written.
pub enum Expr {
    /// A number with an optional unit: `-52 mV`, `42`, `10 %`.
    Number(Quantity),
    /// `[0, 0, 1] mm`, or nested lists.
    List {
        /// The elements.
        elems: Vec<Expr>,
        /// A unit for every element.
        unit: Option<Unit>,
        /// From `[` to the unit.
        span: SpanRange,
    },
    /// `1..5 Hz`
    Range {
        /// Lower end.
        lo: Quantity,
        /// Upper end.
        hi: Quantity,
        /// A unit for both ends.
        unit: Option<Unit>,
        /// The whole range.
        span: SpanRange,
    },
    /// `uniform(1 pA, 2 pA)`
    Call(Call),
    /// `excitatory`, `ascii`, `V_m`
    Ident(Ident),
    /// `"Primary Visual Cortex"`
    Str(LitStr),
    /// `{ resting: 1..5 Hz }`
    Fields(Fields),
    /// `{J_EX} pA`: a Rust expression evaluated when the network is built, with a unit
    /// checked at compile time like a number's.
    Rust {
        /// The expression's tokens.
        tokens: proc_macro2::TokenStream,
        /// The unit after the braces.
        unit: Option<Unit>,
        /// From `{` to the unit.
        span: SpanRange,
    },
    /// `a op b`: arithmetic or a comparison, in an expression of space.
    Binary {
        /// The operator.
        op: BinOp,
        /// The operator's token.
        op_span: Span,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `-x` of a value that is not a number.
    Neg {
        /// The operand.
        expr: Box<Expr>,
        /// From the `-` to the operand's end.
        span: SpanRange,
    },
    /// `( x )`.
    Group {
        /// The inside.
        expr: Box<Expr>,
        /// The parentheses.
        span: SpanRange,
    },
    /// `source.x`: a name and a field.
    Field {
        /// `source` or `target`.
        base: Ident,
        /// `x`, `y` or `z`.
        field: Ident,
    },
}

/// The operators of an expression of space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `^` (power).
    Pow,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `>=`.
    Ge,
    /// `>`.
    Gt,
}

impl Expr {
    /// The source text this value covers.
    pub fn span(&self) -> SpanRange {
        match self {
            Expr::Number(q) => q.span,
            Expr::List { span, .. } | Expr::Range { span, .. } | Expr::Rust { span, .. } => *span,
            Expr::Call(c) => c.span,
            Expr::Ident(i) => i.into(),
            Expr::Str(s) => SpanRange::single(s.span()),
            Expr::Fields(f) => SpanRange::single(f.span),
            Expr::Binary { lhs, rhs, .. } => lhs.span().to(rhs.span()),
            Expr::Neg { span, .. } | Expr::Group { span, .. } => *span,
            Expr::Field { base, field } => SpanRange::from(base).to(field.into()),
        }
    }
}

/// A number as written, with its unit.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// The number.
    pub value: f64,
    /// Whether it was written without a fraction or exponent.
    pub integer: bool,
    /// The unit right after it.
    pub unit: Option<Unit>,
    /// From the sign to the unit.
    pub span: SpanRange,
}

/// A unit: `mV`, `%`, `per mm3`.
#[derive(Debug, Clone)]
pub struct Unit {
    /// As written (`per mm3` for densities).
    pub name: String,
    /// Where.
    pub span: SpanRange,
}
