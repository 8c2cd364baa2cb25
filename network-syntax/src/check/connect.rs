//! Connections: rule, mask, kernel, flags, synapse, and wiring derived from biology.

use super::biology::{from_biology, meta_text};
use super::distance_kernel::kernel;
use super::receptors::ReceptorTarget;
use super::spatial::mask_ref;
use super::targets::{mask_fits, periodic_fit, target as part};
use super::{neuron, synapse, Ctx};
use crate::ast::*;
use crate::description::*;
use crate::grammar;
use crate::units::Dim;
use syn::ext::IdentExt;

/// A `connect` statement.
pub(super) fn connection(
    cx: &mut Ctx,
    c: &ConnectItem,
    wiring: &[Wiring],
) -> Option<ProjectionDesc> {
    let role = "a connection joins two populations";
    let source = part(cx, &c.source, role);
    let target = part(cx, &c.target, role);
    let (Some(source_part), Some(target_part)) = (source, target) else {
        // The populations have errors of their own; the delay is checked still, as it
        // does not depend on them.
        delay_alone(cx, c, wiring);
        return None;
    };
    let (source, target) = (source_part.population, target_part.population);
    // The rules see the slices (NEST connects the sliced NodeCollections).
    let (src, tgt) = (
        sliced(&cx.populations[source], &source_part.select),
        sliced(&cx.populations[target], &target_part.select),
    );
    let (field, name) = names(c, wiring);
    let meta_fields = c
        .meta
        .as_ref()
        .map(|m| {
            cx.fields(
                m,
                &grammar::key_names(grammar::CONNECT_WHERE),
                "a connection's metadata",
            )
        })
        .unwrap_or_default();
    let meta = meta_text(cx, &meta_fields)?;
    let mut derived = None;
    let rule = if c.rule.name == "from_biology" {
        let d = from_biology(cx, c, &meta_fields, &src, &tgt)?;
        derived = Some(d);
        Rule::FixedIndegree(d.indegree)
    } else {
        rule(cx, &c.rule, &src, &tgt)?
    };
    let mut mask = match &c.mask {
        Some(m) => {
            let (desc, span) = mask_ref(cx, m)?;
            let on_source = c.use_on_source.is_some();
            connection_mask(cx, span, &desc, (&src, &tgt), rule, on_source)?;
            super::grid_mask::on_layer(cx, span, &desc.mask, (&src, &tgt), rule, on_source)?;
            Some(desc)
        }
        None => None,
    };
    if let Some(d) = derived {
        if mask.is_some() {
            cx.error(
                c.rule.span,
                "`from_biology` derives its mask from `axon_radius`",
                "remove `in ..`",
            );
            return None;
        }
        let shape = if src.dims() == Some(2) {
            MaskShape::Circle {
                radius: d.axon_radius,
            }
        } else {
            MaskShape::Sphere {
                radius: d.axon_radius,
            }
        };
        let derived_mask = Mask::new(shape);
        periodic_fit(cx, c.rule.span, &derived_mask, &src)?;
        mask = Some(MaskDesc {
            mask: derived_mask,
            center: None,
            name: None,
        });
    }
    let kernel = connection_kernel(cx, c, rule, &src, &tgt)?;
    if mask.is_some() || kernel.is_some() {
        positioned_slices(cx, c, &source_part.select, &target_part.select)?;
    }
    let (autapses, multapses) =
        options_fit(cx, c, rule, (&src, &tgt), source == target, mask.is_some())?;
    let target_neuron = cx.neurons[tgt.model].clone();
    let receptor_target = ReceptorTarget {
        neuron: &target_neuron,
        population: &tgt.name,
        current: false,
    };
    let (synapse, weight_span, _) =
        neuron::via(cx, c.via.as_ref(), &receptor_target, None, &name, c.arrow)?;
    let weight_span = if c
        .via
        .as_ref()
        .is_some_and(|v| v.params.is_some() || v.synapse != "static_synapse")
    {
        weight_span
    } else {
        c.arrow
    };
    sign_fits(
        cx,
        weight_span,
        &cx.neurons[src.model].clone(),
        &synapse.weight,
    )?;
    synapse::fits_target(cx, &synapse, &cx.neurons[tgt.model].clone(), weight_span)?;
    super::space_values::fits_layers(
        cx,
        weight_span,
        [("weight", &synapse.weight), ("delay", &synapse.delay)],
        &rule,
        &src,
        &tgt,
    )?;
    Some(ProjectionDesc {
        field,
        name,
        source,
        target,
        source_select: source_part.select,
        target_select: target_part.select,
        rule,
        mask,
        kernel,
        autapses,
        multapses,
        use_on_source: c.use_on_source.is_some(),
        synapse,
        derived,
        meta,
        docs: c.docs.clone(),
    })
}

/// Checks the delay of a connection whose populations cannot be used: it depends on the
/// resolution alone, so its mistakes are reported with theirs.
fn delay_alone(cx: &mut Ctx, c: &ConnectItem, wiring: &[Wiring]) {
    let Some(params) = c.via.as_ref().and_then(|v| v.params.as_ref()) else {
        return;
    };
    let Some(f) = params.fields.iter().find(|f| f.name == "delay") else {
        return;
    };
    let (_, owner) = names(c, wiring);
    if let Some(delay) = cx.value(&f.value, Dim::Time, "delay") {
        neuron::delay_check(cx, &delay, f.value.span(), &owner);
    }
}

/// Why: NEST keeps the positions of a population sliced by a range (`pre[0:30]`) but
/// not of one sliced by a list or selected by a mask, and refuses a mask or a kernel on
/// those ("must have spatial information"); so does the language.
fn positioned_slices(
    cx: &mut Ctx,
    c: &ConnectItem,
    source: &SelectDesc,
    target: &SelectDesc,
) -> Option<()> {
    for (select, end) in [(source, &c.source), (target, &c.target)] {
        if matches!(select, SelectDesc::List(_) | SelectDesc::Within(..)) {
            cx.error(
                (&end.population).into(),
                format!(
                    "a mask or kernel needs the positions of `{}`, which NEST keeps for a range slice only",
                    end.population
                ),
                "slice by a range `[a..b]`, or make these neurons a population of their own",
            );
            return None;
        }
    }
    Some(())
}

/// A population as a connection rule sees a slice of it: the slice's size (a mask
/// selection keeps the population's, an upper bound; the engine checks again).
fn sliced(pop: &PopulationDesc, select: &SelectDesc) -> PopulationDesc {
    let mut pop = pop.clone();
    match select {
        SelectDesc::Range(a, z) => pop.size = Size::Fixed(z - a),
        SelectDesc::List(l) => pop.size = Size::Fixed(l.len()),
        SelectDesc::All | SelectDesc::Within(..) => {}
    }
    pop
}

/// Field and engine names: the written name, or `source_to_target` and
/// `source -> target` (numbered when the same pair is connected again).
fn names(c: &ConnectItem, wiring: &[Wiring]) -> (String, String) {
    if let Some(n) = &c.name {
        return (n.to_string(), n.to_string());
    }
    let (source, target) = (&c.source.population, &c.target.population);
    let (field, k) = unnamed_field(source, target, |f| {
        wiring
            .iter()
            .any(|w| matches!(w, Wiring::Projection(p) if p.field == f))
    });
    let name = if k == 1 {
        format!("{source} -> {target}")
    } else {
        format!("{source} -> {target} ({k})")
    };
    (field, name)
}

/// The field of an unnamed connection from `source` to `target`: `source_to_target`,
/// or `source_to_target_k` for the `k`-th of the pair when the name is `taken`; with `k`.
pub(crate) fn unnamed_field(
    source: &syn::Ident,
    target: &syn::Ident,
    taken: impl Fn(&str) -> bool,
) -> (String, usize) {
    // A raw identifier (`r#type`) joins by its name: `r#` inside a field is no identifier.
    let base = format!("{}_to_{}", source.unraw(), target.unraw());
    let mut field = base.clone();
    let mut k = 1;
    while taken(&field) {
        k += 1;
        field = format!("{base}_{k}");
    }
    (field, k)
}

pub(super) fn rule(
    cx: &mut Ctx,
    call: &Call,
    src: &PopulationDesc,
    tgt: &PopulationDesc,
) -> Option<Rule> {
    let kind = call.name.to_string();
    let count = |cx: &mut Ctx, what: &str| {
        let a = cx.args(call, &[what], &[what])?;
        cx.integer(a[0]?, what)
    };
    Some(match kind.as_str() {
        "all_to_all" => Rule::AllToAll,
        "one_to_one" => {
            // Why: one_to_one pairs source i with target i, so the sizes must agree.
            // With a size given at build time, the engine checks this and names the
            // connection in its error.
            if matches!((&src.size, &tgt.size), (Size::Fixed(a), Size::Fixed(b)) if a != b) {
                cx.error(
                    call.span,
                    format!(
                        "`one_to_one` needs equal sizes, but `{}` has {} neurons and `{}` {}",
                        src.name, src.size, tgt.name, tgt.size
                    ),
                    "use populations of equal size, or another rule",
                );
                return None;
            }
            Rule::OneToOne
        }
        "fixed_indegree" => Rule::FixedIndegree(count(cx, "indegree")?),
        "fixed_outdegree" => Rule::FixedOutdegree(count(cx, "outdegree")?),
        "fixed_total_number" => Rule::FixedTotalNumber(count(cx, "N")?),
        "pairwise_bernoulli" => {
            let a = cx.args(call, &["p"], &["p"])?;
            if super::expression::is_expression(a[0]?) {
                // `p` of distance: the rule's probability is the expression's (the kernel).
                return Some(Rule::PairwiseBernoulli(1.0));
            }
            let p = cx.number(a[0]?, Dim::Number, "p")?;
            // Why: p is a probability.
            if !(0.0..=1.0).contains(&p) {
                cx.error(
                    a[0]?.span(),
                    format!("p = {p} is not a probability"),
                    "write 0 <= p <= 1",
                );
                return None;
            }
            Rule::PairwiseBernoulli(p)
        }
        _ => {
            let all = grammar::names(grammar::RULES);
            let help = match network_spec::error::closest(&kind, &all) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the rules are {}", all.join(", ")),
            };
            cx.error(
                (&call.name).into(),
                format!("unknown connection rule `{kind}`"),
                help,
            );
            return None;
        }
    })
}

/// Why: masks and kernels measure distances between positions, so both populations
/// need positions.
pub(super) fn spatial_rule(
    cx: &mut Ctx,
    span: SpanRange,
    what: &str,
    src: &PopulationDesc,
    tgt: &PopulationDesc,
) -> Option<()> {
    for p in [src, tgt] {
        if p.dims().is_none() {
            cx.error(
                span,
                format!(
                    "{what} needs spatial populations, but `{}` has no positions",
                    p.name
                ),
                format!(
                    "give `{}` positions: `in box(..)`, `at positions(..)` or `on grid(..)`",
                    p.name
                ),
            );
            return None;
        }
    }
    if src.dims() != tgt.dims() {
        cx.error(
            span,
            format!(
                "`{}` is {}D and `{}` {}D",
                src.name,
                src.dims()?,
                tgt.name,
                tgt.dims()?
            ),
            "connect populations of the same dimension",
        );
        return None;
    }
    Some(())
}

/// Why: NEST applies masks to the spatial rules only, and a mask must fit the layers.
/// `on_source`: `use_on_source` is given.
pub(super) fn connection_mask(
    cx: &mut Ctx,
    span: SpanRange,
    mask: &MaskDesc,
    (src, tgt): (&PopulationDesc, &PopulationDesc),
    rule: Rule,
    on_source: bool,
) -> Option<()> {
    spatial_rule(cx, span, "a mask", src, tgt)?;
    mask_fits(cx, span, mask, src, "a mask")?;
    if !matches!(
        rule,
        Rule::PairwiseBernoulli(_) | Rule::FixedIndegree(_) | Rule::FixedOutdegree(_)
    ) {
        cx.error(
            span,
            "a mask needs `pairwise_bernoulli`, `fixed_indegree` or `fixed_outdegree`",
            "choose one of these rules",
        );
        return None;
    }
    if mask.center.is_some() {
        cx.error(
            span,
            "a connection's mask is centred on each neuron, so it takes no `center`",
            "shift it with `anchor: [x, y, z] mm` instead",
        );
        return None;
    }
    // The mask must fit the layer NEST checks it on (as the engine): the targets' for
    // fixed_outdegree and for pairwise_bernoulli centred on the source (NEST reads the
    // sources in the target layer's geometry), the sources' otherwise.
    let on_target = match rule {
        Rule::FixedOutdegree(_) => true,
        Rule::PairwiseBernoulli(_) => !on_source,
        _ => false,
    };
    let selected = if on_target { tgt } else { src };
    periodic_fit(cx, span, &mask.mask, selected)
}

/// The distance-dependent probability of a connection: `p` written as an expression
/// of distance, or a named kernel (`kernel: gaussian(..)`); `Some(None)` for neither.
/// Why only three rules: NEST evaluates a kernel per pair, which these rules draw.
pub(super) fn connection_kernel(
    cx: &mut Ctx,
    c: &ConnectItem,
    rule: Rule,
    src: &PopulationDesc,
    tgt: &PopulationDesc,
) -> Option<Option<Kernel>> {
    if let Some(k) = super::space_values::p_kernel(cx, c, rule, src, tgt)? {
        return Some(Some(k));
    }
    let Some(k) = &c.kernel else {
        return Some(None);
    };
    spatial_rule(cx, k.span, "a distance-dependent probability", src, tgt)?;
    if !matches!(
        rule,
        Rule::PairwiseBernoulli(_) | Rule::FixedIndegree(_) | Rule::FixedOutdegree(_)
    ) {
        cx.error(
            k.span,
            "a kernel needs `pairwise_bernoulli`, `fixed_indegree` or `fixed_outdegree`",
            "choose one of these rules",
        );
        return None;
    }
    Some(Some(kernel(cx, k)?))
}

/// The options of a connection: `use_on_source` (only with a masked
/// `pairwise_bernoulli`) and whether the rule's degrees can be met without autapses or
/// multapses; returns `(autapses, multapses)`. `same`: source and target are one
/// population.
pub(super) fn options_fit(
    cx: &mut Ctx,
    c: &ConnectItem,
    rule: Rule,
    (src, tgt): (&PopulationDesc, &PopulationDesc),
    same: bool,
    masked: bool,
) -> Option<(bool, bool)> {
    if let Some(span) = c.use_on_source {
        if !matches!(rule, Rule::PairwiseBernoulli(_)) || !masked {
            cx.error(
                span,
                "`use_on_source` applies to `pairwise_bernoulli` with a mask",
                "remove it, or use `pairwise_bernoulli(p) in MASK`",
            );
            return None;
        }
    }
    let (autapses, multapses) = (c.no_autapses.is_none(), c.no_multapses.is_none());
    degree_fits(cx, c, rule, src, tgt, same, autapses, multapses, masked)?;
    Some((autapses, multapses))
}

/// Why: without multapses a target can receive each source once, so an indegree above
/// the number of sources (minus itself without autapses) can never be met.
#[allow(clippy::too_many_arguments)]
fn degree_fits(
    cx: &mut Ctx,
    c: &ConnectItem,
    rule: Rule,
    src: &PopulationDesc,
    tgt: &PopulationDesc,
    same: bool,
    autapses: bool,
    multapses: bool,
    masked: bool,
) -> Option<()> {
    if multapses {
        return Some(());
    }
    // A size given at build time is checked by the engine, which names the connection.
    let (Some(src_size), Some(tgt_size)) = (src.size.fixed(), tgt.size.fixed()) else {
        return Some(());
    };
    let self_loop = usize::from(same && !autapses);
    let (k, partners, what, pop) = match rule {
        Rule::FixedIndegree(k) => (k, src_size - self_loop, "indegree", src),
        Rule::FixedOutdegree(k) => (k, tgt_size - self_loop, "outdegree", tgt),
        Rule::FixedTotalNumber(n) => (
            n,
            src_size * tgt_size - if same && !autapses { src_size } else { 0 },
            "total number",
            src,
        ),
        _ => return Some(()),
    };
    if k > partners {
        let why = if masked {
            " (before the mask removes any)"
        } else {
            ""
        };
        cx.error(c.rule.span, format!("{what} {k} without multapses, but only {partners} distinct partners exist in `{}`{why}", pop.name), format!("lower the {what} to at most {partners}, or allow multapses"));
        return None;
    }
    Some(())
}

/// Why: a declared cell class fixes the sign of every synapse it makes (Dale's
/// principle): an inhibitory neuron with a positive weight excites its targets.
fn sign_fits(cx: &mut Ctx, span: SpanRange, model: &NeuronDesc, weight: &ValueDesc) -> Option<()> {
    let Some(class) = model.class else {
        return Some(());
    };
    let (lo, hi) = match *weight {
        ValueDesc::Known(Value::Constant(w)) => (w, w),
        ValueDesc::Known(Value::Uniform { min, max }) => (min, max),
        ValueDesc::Known(Value::Normal { mean, min, max, .. }) => {
            (min.unwrap_or(mean), max.unwrap_or(mean))
        }
        ValueDesc::Known(Value::Lognormal { .. }) => (0.0, f64::INFINITY),
        // Known only at build time, or per pair.
        ValueDesc::Runtime(_) | ValueDesc::Known(Value::Expression(_)) => return Some(()),
    };
    let wrong = match class {
        CellClass::Inhibitory => hi > 0.0,
        CellClass::Excitatory => lo < 0.0,
    };
    if wrong {
        let (sign, fix) = match class {
            CellClass::Inhibitory => ("negative", "a negative weight, e.g. `weight: -10 pA`"),
            CellClass::Excitatory => ("positive", "a positive weight, e.g. `weight: 4 pA`"),
        };
        cx.error(
            span,
            format!(
                "`{}` is declared {}, so its synapses need {sign} weights",
                model.name,
                class.name()
            ),
            format!("write {fix}, or change the class of `{}`", model.name),
        );
        return None;
    }
    Some(())
}
