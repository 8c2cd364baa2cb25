//! Connection rules and specifications as data, NEST's `conn_spec` (the algorithms that
//! draw the edges live in the engine, `network_core::connect`).

use crate::kernel::Kernel;
use crate::mask::Mask;

/// A connection rule, as NEST's `conn_spec['rule']`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Every source to every target (NEST's default).
    AllToAll,
    /// Source i to target i; the populations must have equal sizes.
    OneToOne,
    /// Each target receives this many sources, drawn uniformly (or weighted by the
    /// kernel, within the mask).
    FixedIndegree(usize),
    /// Each source projects to this many targets, drawn uniformly (or weighted by the
    /// kernel, within the mask).
    FixedOutdegree(usize),
    /// This many (source, target) pairs, drawn uniformly.
    FixedTotalNumber(usize),
    /// Each pair connects with this probability (in [0, 1]); with a kernel, with this
    /// probability times the kernel at the pair's distance.
    PairwiseBernoulli(f64),
}

impl Rule {
    /// The rule's name as NEST spells it.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::AllToAll => "all_to_all",
            Rule::OneToOne => "one_to_one",
            Rule::FixedIndegree(_) => "fixed_indegree",
            Rule::FixedOutdegree(_) => "fixed_outdegree",
            Rule::FixedTotalNumber(_) => "fixed_total_number",
            Rule::PairwiseBernoulli(_) => "pairwise_bernoulli",
        }
    }
}

/// A connection specification: the rule, NEST's autapse and multapse flags, and the
/// spatial options.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnSpec {
    /// The rule.
    pub rule: Rule,
    /// Whether a neuron may connect to itself (NEST default true).
    pub allow_autapses: bool,
    /// Whether a pair may be connected more than once (NEST default true).
    pub allow_multapses: bool,
    /// Only pairs inside this mask connect. Centred on the target for
    /// `fixed_indegree` (tests source − target), on the source for `fixed_outdegree`
    /// and `pairwise_bernoulli` (tests target − source).
    pub mask: Option<Mask>,
    /// Distance dependence: a probability factor for `pairwise_bernoulli`, a relative
    /// sampling weight for `fixed_indegree`/`fixed_outdegree`.
    pub kernel: Option<Kernel>,
    /// `pairwise_bernoulli` only: centre the mask on the target (tests
    /// source − target), as NEST's `use_on_source = True`.
    pub use_on_source: bool,
}

impl ConnSpec {
    /// `rule` with NEST's defaults: autapses and multapses allowed, no mask or kernel.
    pub fn new(rule: Rule) -> Self {
        ConnSpec {
            rule,
            allow_autapses: true,
            allow_multapses: true,
            mask: None,
            kernel: None,
            use_on_source: false,
        }
    }

    /// Forbids self-connections (`allow_autapses = False`).
    pub fn no_autapses(mut self) -> Self {
        self.allow_autapses = false;
        self
    }

    /// Forbids repeated pairs (`allow_multapses = False`).
    pub fn no_multapses(mut self) -> Self {
        self.allow_multapses = false;
        self
    }

    /// Restricts connections to `mask`.
    pub fn with_mask(mut self, mask: Mask) -> Self {
        self.mask = Some(mask);
        self
    }

    /// Adds a distance-dependent kernel.
    pub fn with_kernel(mut self, kernel: Kernel) -> Self {
        self.kernel = Some(kernel);
        self
    }

    /// Centres a `pairwise_bernoulli` mask on the target (`use_on_source = True`).
    pub fn on_source(mut self) -> Self {
        self.use_on_source = true;
        self
    }
}
