//! The tables agree with the structs they were declared with: defaults, kinds, names,
//! and access by name.

use network_spec::{
    with_neuron_model, with_synapse_model, BaseModel, ParamKind, Parameters, SynapseModel,
};

/// Every parameter reads back its table default from `Default`, by its kind.
fn defaults_match<M: Parameters>() {
    let m = M::default();
    for p in M::PARAMETERS {
        match p.kind {
            ParamKind::Scalar | ParamKind::Flag | ParamKind::Integer => {
                let v = m
                    .get(p.name)
                    .unwrap_or_else(|| panic!("{}.{}", M::NAME, p.name));
                assert!(
                    v == p.default,
                    "{}.{}: {v} vs {}",
                    M::NAME,
                    p.name,
                    p.default
                );
            }
            ParamKind::List => {
                let v = m.get_list(p.name).unwrap();
                match v.first() {
                    Some(&first) => assert_eq!(first, p.default, "{}.{}", M::NAME, p.name),
                    // An empty default list (gif_psc_exp's tau_sfa): NaN in the table.
                    None => assert!(
                        p.default.is_nan(),
                        "{}.{}: empty list, table default {}",
                        M::NAME,
                        p.name,
                        p.default
                    ),
                }
            }
        }
    }
    let mut names: Vec<&str> = M::PARAMETERS.iter().map(|p| p.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(
        names.len(),
        M::PARAMETERS.len(),
        "{}: a name twice",
        M::NAME
    );
}

#[test]
fn every_table_matches_its_struct() {
    for m in BaseModel::ALL {
        with_neuron_model!(*m, M => defaults_match::<M>());
        assert_eq!(BaseModel::from_name(m.name()), Some(*m));
    }
    for s in SynapseModel::ALL {
        with_synapse_model!(*s, S => defaults_match::<S>());
        assert_eq!(SynapseModel::from_name(s.name()), Some(*s));
    }
}

#[test]
fn flags_lists_and_unknown_names_are_checked_by_the_table() {
    let mut m = network_spec::IafPscDelta::default();
    m.set("d", "refractory_input", 1.0).unwrap();
    assert!(m.refractory_input);
    let e = m.set("d", "refractory_input", 0.5).unwrap_err().to_string();
    assert!(
        e.contains("refractory_input") && e.contains("0 (false) or 1"),
        "{e}"
    );
    assert!(BaseModel::IafPscDelta.is_flag("refractory_input"));
    assert!(!BaseModel::IafPscDelta.is_flag("C_m"));
    let e = m.set("d", "tau_n", 1.0).unwrap_err().to_string();
    assert!(e.contains("did you mean `tau_m`?"), "{e}");

    let mut ms = network_spec::IafPscExpMultisynapse::default();
    assert!(ms.set("m", "tau_syn", 2.0).is_err());
    ms.set_list("m", "tau_syn", &[1.0, 3.0]).unwrap();
    assert_eq!(ms.get_list("tau_syn"), Some(vec![1.0, 3.0]));
    assert!(ms.set_list("m", "C_m", &[1.0]).is_err());

    let mut s = network_spec::StdpSynapse::default();
    s.set("p", "weight", 2.0).unwrap();
    assert_eq!(s.weight, network_spec::Value::Constant(2.0));
    let e = s.set("p", "wieght", 2.0).unwrap_err().to_string();
    assert!(e.contains("did you mean `weight`?"), "{e}");
}

/// The tables reject NaN and leave infinities to the models' own checks, as NEST 3.10
/// does: it accepts `V_min = +inf` on iaf_psc_alpha and `tau_rec = +inf` on
/// tsodyks_synapse (both measured on NEST 3.10: `Create`/`SetDefaults` succeed).
#[test]
fn infinities_pass_where_nest_takes_them_nan_never() {
    let res = network_spec::Resolution::default();
    assert!(BaseModel::IafPscAlpha.validate("a", &[]).is_ok());
    assert!(BaseModel::IafPscAlpha
        .validate("a", &[("V_min", f64::INFINITY)])
        .is_ok());
    assert!(BaseModel::IafPscAlpha
        .validate("a", &[("V_th", f64::INFINITY)])
        .is_ok());
    let e = BaseModel::IafPscAlpha
        .validate("a", &[("C_m", f64::NAN)])
        .unwrap_err()
        .to_string();
    assert!(e.contains("C_m") && e.contains("NaN"), "{e}");
    assert!(SynapseModel::Tsodyks
        .validate("p", &[("tau_rec", f64::INFINITY)], None, Some(1.0), &res)
        .is_ok());
    let e = SynapseModel::Tsodyks
        .validate("p", &[("tau_rec", f64::NAN)], None, Some(1.0), &res)
        .unwrap_err()
        .to_string();
    assert!(e.contains("tau_rec"), "{e}");
    assert!(SynapseModel::weight_like("Wmax") && !SynapseModel::weight_like("U"));
}

#[test]
fn doc_units_agree_with_the_dimensions() {
    // The docs' unit column and the struct docs use the macro's literal units; both must
    // say what `Dimension::unit` says (flags excepted, `0/1`).
    let md = network_spec::docs::table(network_spec::IafPscAlpha::PARAMETERS);
    assert!(
        md.contains("| `C_m` | pF |") && md.contains("| `tau_m` | ms |"),
        "{md}"
    );
}
