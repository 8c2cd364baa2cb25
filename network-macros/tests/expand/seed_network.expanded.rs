/// Layer 2/3 of primary visual cortex, one hemisphere.
#[allow(non_snake_case)]
pub struct SeedNetwork {
    /**Population `pvpop`: 100 neurons of `PV` (iaf_psc_alpha), inhibitory.
- class: inhibitory
- dendrite_extent: 0.2 mm
- transmitters: [GABA_A]
- firing: resting 1..5 Hz, active 10..30 Hz, max 50..100 Hz*/
    pub pvpop: ::network::PopulationHandle<::network::Const<100>>,
    /**Population `l23pyr`: 800 neurons of `PyL23` (iaf_psc_alpha), excitatory.
- class: excitatory
- transmitters: [AMPA, NMDA]
- firing: resting 2..8 Hz, active 15..40 Hz
- region: Primary Visual Cortex
- density: 25000 per mm3*/
    pub l23pyr: ::network::PopulationHandle<::network::Const<800>>,
    ///Recorder `corner_spikes` on `l23pyr` within corner.
    pub corner_spikes: ::network::SpikeRecorderHandle,
    ///Recorder `exc_spikes` on `l23pyr`.
    pub exc_spikes: ::network::SpikeRecorderHandle,
    ///Recorder `inh_spikes` on `pvpop`.
    pub inh_spikes: ::network::SpikeRecorderHandle,
    ///Stimulator `dc` on `l23pyr` within corner.
    pub dc: ::network::GeneratorHandle,
    ///Stimulator `noise` on `l23pyr`.
    pub noise: ::network::GeneratorHandle,
    ///Projection `pvpop -> l23pyr` (FixedIndegree(1)).
    pub pvpop_to_l23pyr: ::network::ProjectionHandle,
    ///Projection `l23pyr -> pvpop` (FixedIndegree(4)).
    pub l23pyr_to_pvpop: ::network::ProjectionHandle,
    network: ::network::Network,
}
#[allow(non_snake_case, clippy::too_many_lines)]
impl SeedNetwork {
    /// The resolution, ms.
    pub const RESOLUTION_MS: f64 = 0.1;
    /// The seed given by `seed = ..;` (42 when not written).
    pub const DEFAULT_SEED: ::network::Seed = ::network::Seed(42);
    /// The description this type was generated from (the macro's input as text).
    pub const DESCRIPTION: &'static str = "/// Layer 2/3 of primary visual cortex, one hemisphere.\npub struct SeedNetwork;\n\nresolution = 0.1 ms;\nseed = 42;\n\nneuron PV = iaf_psc_alpha {\n    C_m: 200 pF, V_th: -52 mV, V_reset: -65 mV, tau_m: 10 ms, t_ref: 1 ms,\n} where {\n    class: inhibitory, dendrite_extent: 200 um, transmitters: [GABA_A],\n    firing: { resting: 1..5 Hz, active: 10..30 Hz, max: 50..100 Hz },\n};\nneuron PyL23 = iaf_psc_alpha {\n    V_th: -50 mV, C_m: 200 pF, tau_m: 15 ms, V_reset: -70 mV, t_ref: 2 ms, I_e: 200 pA,\n} where { class: excitatory, transmitters: [AMPA, NMDA], firing: { resting: 2..8 Hz, active: 15..40 Hz } };\n\npopulation pvpop  = PV[100]    in box([0, 0, 0] mm, [2, 2, 1] mm);\npopulation l23pyr = PyL23[800] in box([0, 0, 0] mm, [2, 2, 1] mm)\n    where { region: \"Primary Visual Cortex\", density: 25000 per mm3 };\n\nmask corner = sphere(center: [0, 0, 0] mm, radius: 0.5 mm);\n\nrecord corner_spikes = spike_recorder { start: 0 ms, stop: 1000 ms } <- l23pyr within corner;\nrecord exc_spikes    = spike_recorder { start: 0 ms, stop: 1000 ms } <- l23pyr;\nrecord inh_spikes    = spike_recorder <- pvpop;\n\nstimulate dc    = dc_generator { amplitude: 100 pA, start: 500 ms, stop: 700 ms } -> l23pyr within corner;\nstimulate noise = poisson_generator { rate: 50 Hz, start: 100 ms, stop: 900 ms }\n    -> l23pyr via static_synapse { weight: 2.5 pA, delay: 1.5 ms };\n\nconnect pvpop -> l23pyr: fixed_indegree(1) in sphere(radius: 1 mm), no autapses, no multapses,\n    via static_synapse { weight: -10 pA, delay: 1 ms };\nconnect l23pyr -> pvpop: fixed_indegree(4) in sphere(radius: 0.5 mm), no autapses, no multapses,\n    via static_synapse { weight: 4 pA, delay: 1 ms };\n";
    /// The description in canonical form: the operations that build it, one a
    /// line. The engine hashes it into the `description_sha256` of every output,
    /// which is the same for this type and for the description read from a file.
    pub const CANONICAL: &'static str = "resolution 0.1\nseed 42\nmodel \"PV\" iaf_psc_alpha [(\"C_m\", 200.0), (\"V_th\", -52.0), (\"V_reset\", -65.0), (\"tau_m\", 10.0), (\"t_ref\", 1.0)] [] firing Some(FiringRanges { resting: Some(RateRange { low_hz: 1.0, high_hz: 5.0 }), active: Some(RateRange { low_hz: 10.0, high_hz: 30.0 }), max: Some(RateRange { low_hz: 50.0, high_hz: 100.0 }) })\nmodel \"PyL23\" iaf_psc_alpha [(\"V_th\", -50.0), (\"C_m\", 200.0), (\"tau_m\", 15.0), (\"V_reset\", -70.0), (\"t_ref\", 2.0), (\"I_e\", 200.0)] [] firing Some(FiringRanges { resting: Some(RateRange { low_hz: 2.0, high_hz: 8.0 }), active: Some(RateRange { low_hz: 15.0, high_hz: 40.0 }), max: None })\npopulation 0 \"pvpop\" \"PV\" Fixed(100) Some(FreeUniform { lower_left: [0.0, 0.0, 0.0], upper_right: [2.0, 2.0, 1.0], edge_wrap: false })\npopulation 1 \"l23pyr\" \"PyL23\" Fixed(800) Some(FreeUniform { lower_left: [0.0, 0.0, 0.0], upper_right: [2.0, 2.0, 1.0], edge_wrap: false })\nwithin 0 1 Sphere { radius: 0.5 } anchor None at [0.0, 0.0, 0.0]\nspike_recorder \"corner_spikes\" window 0.0..1000.0 Memory [Selection(0)]\nspike_recorder \"exc_spikes\" window 0.0..1000.0 Memory [All(1)]\nspike_recorder \"inh_spikes\" window 0.0..inf Memory [All(0)]\nwithin 1 1 Sphere { radius: 0.5 } anchor None at [0.0, 0.0, 0.0]\ngenerator \"dc\" Dc { amplitude: Const(100.0) } window 500.0..700.0 [Selection(1)] synapse static_synapse None weight Constant(1.0) delay Constant(1.0) receptor None []\ngenerator \"noise\" Poisson { rate: Const(50.0) } window 100.0..900.0 [All(1)] synapse static_synapse None weight Constant(2.5) delay Constant(1.5) receptor None []\nconnect \"pvpop_to_l23pyr\" \"pvpop -> l23pyr\" 0 1 FixedIndegree(1) mask Some((Sphere { radius: 1.0 }, None)) kernel None autapses false multapses false use_on_source false synapse static_synapse None weight Constant(-10.0) delay Constant(1.0) receptor None []\nconnect \"l23pyr_to_pvpop\" \"l23pyr -> pvpop\" 1 0 FixedIndegree(4) mask Some((Sphere { radius: 0.5 }, None)) kernel None autapses false multapses false use_on_source false synapse static_synapse None weight Constant(4.0) delay Constant(1.0) receptor None []\n";
    ///Builds the network from `seed`: draws positions, connections and random weights, on rayon's default thread pool.
    pub fn build(
        seed: ::network::Seed,
    ) -> ::core::result::Result<Self, ::network::Error> {
        Self::build_with_threads(seed, ::core::option::Option::None)
    }
    /// Builds the network on `threads` threads (`None`: rayon's default). The
    /// result depends on the seed alone, never on the thread count.
    pub fn build_with_threads(
        seed: ::network::Seed,
        threads: ::core::option::Option<usize>,
    ) -> ::core::result::Result<Self, ::network::Error> {
        ::network::network::check_estimate(
            "network `SeedNetwork`",
            Self::MEMORY_ESTIMATE,
            ::core::option::Option::None,
        )?;
        let mut builder = ::network::NetworkBuilder::new(
            ::network::Resolution::new(Self::RESOLUTION_MS)?,
            seed,
        );
        if let ::core::option::Option::Some(threads) = threads {
            builder = builder.threads(threads);
        }
        builder.describe(Self::CANONICAL);
        let model_PV = ::network::Model::variant(
                "PV",
                ::network::IafPscAlpha {
                    C_m: 200.0,
                    V_th: -52.0,
                    V_reset: -65.0,
                    tau_m: 10.0,
                    t_ref: 1.0,
                    ..::core::default::Default::default()
                },
            )?
            .with_firing(::network::FiringRanges {
                resting: ::core::option::Option::Some(
                    ::network::RateRange::new(1.0, 5.0),
                ),
                active: ::core::option::Option::Some(
                    ::network::RateRange::new(10.0, 30.0),
                ),
                max: ::core::option::Option::Some(::network::RateRange::new(50.0, 100.0)),
            })?;
        let model_PyL23 = ::network::Model::variant(
                "PyL23",
                ::network::IafPscAlpha {
                    V_th: -50.0,
                    C_m: 200.0,
                    tau_m: 15.0,
                    V_reset: -70.0,
                    t_ref: 2.0,
                    I_e: 200.0,
                    ..::core::default::Default::default()
                },
            )?
            .with_firing(::network::FiringRanges {
                resting: ::core::option::Option::Some(
                    ::network::RateRange::new(2.0, 8.0),
                ),
                active: ::core::option::Option::Some(
                    ::network::RateRange::new(15.0, 40.0),
                ),
                max: ::core::option::Option::None,
            })?;
        let pop_pvpop = builder
            .spatial_population(
                "pvpop",
                &model_PV,
                ::network::Const::<100>,
                &::network::spatial::Layout::FreeUniform {
                    lower_left: ::std::vec![0.0, 0.0, 0.0],
                    upper_right: ::std::vec![2.0, 2.0, 1.0],
                    edge_wrap: false,
                },
            )?;
        let pop_l23pyr = builder
            .spatial_population(
                "l23pyr",
                &model_PyL23,
                ::network::Const::<800>,
                &::network::spatial::Layout::FreeUniform {
                    lower_left: ::std::vec![0.0, 0.0, 0.0],
                    upper_right: ::std::vec![2.0, 2.0, 1.0],
                    edge_wrap: false,
                },
            )?;
        let selection_0 = builder
            .within(
                &pop_l23pyr,
                &::network::spatial::Mask::new(::network::spatial::MaskShape::Sphere {
                    radius: 0.5,
                }),
                [0.0, 0.0, 0.0],
            )?;
        let dev_corner_spikes = builder
            .spike_recorder(
                "corner_spikes",
                ::network::SpikeRecorder {
                    window: ::network::Window::new(0.0, 1000.0),
                    record_to: ::network::RecordTo::Memory,
                    time_in_steps: false,
                },
                &[selection_0],
            )?;
        let dev_exc_spikes = builder
            .spike_recorder(
                "exc_spikes",
                ::network::SpikeRecorder {
                    window: ::network::Window::new(0.0, 1000.0),
                    record_to: ::network::RecordTo::Memory,
                    time_in_steps: false,
                },
                &[pop_l23pyr.all()],
            )?;
        let dev_inh_spikes = builder
            .spike_recorder(
                "inh_spikes",
                ::network::SpikeRecorder {
                    window: ::network::Window::new(
                        0.0,
                        ::core::primitive::f64::INFINITY,
                    ),
                    record_to: ::network::RecordTo::Memory,
                    time_in_steps: false,
                },
                &[pop_pvpop.all()],
            )?;
        let selection_1 = builder
            .within(
                &pop_l23pyr,
                &::network::spatial::Mask::new(::network::spatial::MaskShape::Sphere {
                    radius: 0.5,
                }),
                [0.0, 0.0, 0.0],
            )?;
        let dev_dc = builder
            .dc_generator(
                "dc",
                ::network::DcGenerator {
                    amplitude: 100.0,
                    window: ::network::Window::new(500.0, 700.0),
                },
                &[selection_1],
                &::network::StaticSynapse::new(1.0, 1.0),
            )?;
        let dev_noise = builder
            .poisson_generator(
                "noise",
                ::network::PoissonGenerator {
                    rate: 50.0,
                    window: ::network::Window::new(100.0, 900.0),
                },
                &[pop_l23pyr.all()],
                &::network::StaticSynapse::new(2.5, 1.5),
            )?;
        let proj_pvpop_to_l23pyr = builder
            .connect(
                "pvpop -> l23pyr",
                &pop_pvpop,
                &pop_l23pyr,
                &::network::connect::ConnSpec::new(
                        ::network::connect::Rule::FixedIndegree(1),
                    )
                    .with_mask(
                        ::network::spatial::Mask::new(::network::spatial::MaskShape::Sphere {
                            radius: 1.0,
                        }),
                    )
                    .no_autapses()
                    .no_multapses(),
                &::network::StaticSynapse::new(-10.0, 1.0),
            )?;
        let proj_l23pyr_to_pvpop = builder
            .connect(
                "l23pyr -> pvpop",
                &pop_l23pyr,
                &pop_pvpop,
                &::network::connect::ConnSpec::new(
                        ::network::connect::Rule::FixedIndegree(4),
                    )
                    .with_mask(
                        ::network::spatial::Mask::new(::network::spatial::MaskShape::Sphere {
                            radius: 0.5,
                        }),
                    )
                    .no_autapses()
                    .no_multapses(),
                &::network::StaticSynapse::new(4.0, 1.0),
            )?;
        let network = builder.build()?;
        ::core::result::Result::Ok(Self {
            pvpop: pop_pvpop,
            l23pyr: pop_l23pyr,
            corner_spikes: dev_corner_spikes,
            exc_spikes: dev_exc_spikes,
            inh_spikes: dev_inh_spikes,
            dc: dev_dc,
            noise: dev_noise,
            pvpop_to_l23pyr: proj_pvpop_to_l23pyr,
            l23pyr_to_pvpop: proj_l23pyr_to_pvpop,
            network: network,
        })
    }
    /// Simulates `t_ms` more milliseconds.
    pub fn simulate(
        &mut self,
        t_ms: f64,
    ) -> ::core::result::Result<(), ::network::Error> {
        self.network.simulate(t_ms)
    }
    /// The built network.
    pub fn network(&self) -> &::network::Network {
        &self.network
    }
    /// The built network, mutably.
    pub fn network_mut(&mut self) -> &mut ::network::Network {
        &mut self.network
    }
    /// The values of the description's Rust expressions in NEST units, in order.
    #[allow(clippy::unnecessary_cast)]
    fn expression_values() -> ::std::vec::Vec<f64> {
        ::std::vec![]
    }
    /// The checked description (every name resolved, every value in NEST units),
    /// as the macro embedded it; the export reads it.
    pub fn description() -> ::network::export::syntax::Description {
        ::network::export::syntax::description::Description {
            resolution: 0.1,
            seed: 42,
            data_path: ::core::option::Option::None,
            data_prefix: ::core::option::Option::None,
            delay_extrema: ::core::option::Option::None,
            neurons: ::std::vec![
                ::network::export::syntax::description::NeuronDesc { name :
                ::std::string::String::from("PV"), base :
                ::network::export::syntax::spec::BaseModel::IafPscAlpha, params :
                ::std::vec![("C_m", 200.0), ("V_th", - 52.0), ("V_reset", - 65.0),
                ("tau_m", 10.0), ("t_ref", 1.0)], lists : ::std::vec![], ports :
                ::std::vec![], class :
                ::core::option::Option::Some(::network::export::syntax::model_table::CellClass::Inhibitory),
                firing :
                ::core::option::Option::Some(::network::export::syntax::spec::FiringRanges
                { resting :
                ::core::option::Option::Some(::network::export::syntax::spec::RateRange {
                low_hz : 1.0, high_hz : 5.0 }), active :
                ::core::option::Option::Some(::network::export::syntax::spec::RateRange {
                low_hz : 10.0, high_hz : 30.0 }), max :
                ::core::option::Option::Some(::network::export::syntax::spec::RateRange {
                low_hz : 50.0, high_hz : 100.0 }) }), meta :
                ::std::vec![(::std::string::String::from("class"),
                ::std::string::String::from("inhibitory")),
                (::std::string::String::from("dendrite_extent"),
                ::std::string::String::from("0.2 mm")),
                (::std::string::String::from("transmitters"),
                ::std::string::String::from("[GABA_A]")),
                (::std::string::String::from("firing"),
                ::std::string::String::from("resting 1..5 Hz, active 10..30 Hz, max 50..100 Hz"))],
                docs : ::std::vec![] },
                ::network::export::syntax::description::NeuronDesc { name :
                ::std::string::String::from("PyL23"), base :
                ::network::export::syntax::spec::BaseModel::IafPscAlpha, params :
                ::std::vec![("V_th", - 50.0), ("C_m", 200.0), ("tau_m", 15.0),
                ("V_reset", - 70.0), ("t_ref", 2.0), ("I_e", 200.0)], lists :
                ::std::vec![], ports : ::std::vec![], class :
                ::core::option::Option::Some(::network::export::syntax::model_table::CellClass::Excitatory),
                firing :
                ::core::option::Option::Some(::network::export::syntax::spec::FiringRanges
                { resting :
                ::core::option::Option::Some(::network::export::syntax::spec::RateRange {
                low_hz : 2.0, high_hz : 8.0 }), active :
                ::core::option::Option::Some(::network::export::syntax::spec::RateRange {
                low_hz : 15.0, high_hz : 40.0 }), max : ::core::option::Option::None }),
                meta : ::std::vec![(::std::string::String::from("class"),
                ::std::string::String::from("excitatory")),
                (::std::string::String::from("transmitters"),
                ::std::string::String::from("[AMPA, NMDA]")),
                (::std::string::String::from("firing"),
                ::std::string::String::from("resting 2..8 Hz, active 15..40 Hz"))], docs
                : ::std::vec![] }
            ],
            populations: ::std::vec![
                ::network::export::syntax::description::PopulationDesc { name :
                ::std::string::String::from("pvpop"), model : 0, size :
                ::network::export::syntax::description::Size::Fixed(100), layout :
                ::core::option::Option::Some(::network::export::syntax::spec::Layout::FreeUniform
                { lower_left : ::std::vec![0.0, 0.0, 0.0], upper_right : ::std::vec![2.0,
                2.0, 1.0], edge_wrap : false }), initial : ::std::vec![], meta :
                ::std::vec![], docs : ::std::vec![] },
                ::network::export::syntax::description::PopulationDesc { name :
                ::std::string::String::from("l23pyr"), model : 1, size :
                ::network::export::syntax::description::Size::Fixed(800), layout :
                ::core::option::Option::Some(::network::export::syntax::spec::Layout::FreeUniform
                { lower_left : ::std::vec![0.0, 0.0, 0.0], upper_right : ::std::vec![2.0,
                2.0, 1.0], edge_wrap : false }), initial : ::std::vec![], meta :
                ::std::vec![(::std::string::String::from("region"),
                ::std::string::String::from("Primary Visual Cortex")),
                (::std::string::String::from("density"),
                ::std::string::String::from("25000 per mm3"))], docs : ::std::vec![] }
            ],
            wiring: ::std::vec![
                ::network::export::syntax::description::Wiring::Recorder(::network::export::syntax::description::RecorderDesc
                { name : ::std::string::String::from("corner_spikes"), kind :
                ::network::export::syntax::description::RecorderKind::Spikes { ascii :
                ::core::option::Option::None }, window : (0.0,
                ::core::option::Option::Some(1000.0)), targets :
                ::std::vec![::network::export::syntax::description::TargetDesc {
                population : 1, select :
                ::network::export::syntax::description::SelectDesc::Within(::network::export::syntax::description::MaskDesc
                { mask :
                ::network::export::syntax::spec::Mask::new(::network::export::syntax::spec::MaskShape::Sphere
                { radius : 0.5 }).with_anchor([0.0, 0.0, 0.0]), center :
                ::core::option::Option::Some([0.0, 0.0, 0.0]), name :
                ::core::option::Option::Some(::std::string::String::from("corner")) },
                [0.0, 0.0, 0.0]) }], generators : ::std::vec![], time_in_steps : false,
                docs : ::std::vec![] }),
                ::network::export::syntax::description::Wiring::Recorder(::network::export::syntax::description::RecorderDesc
                { name : ::std::string::String::from("exc_spikes"), kind :
                ::network::export::syntax::description::RecorderKind::Spikes { ascii :
                ::core::option::Option::None }, window : (0.0,
                ::core::option::Option::Some(1000.0)), targets :
                ::std::vec![::network::export::syntax::description::TargetDesc {
                population : 1, select :
                ::network::export::syntax::description::SelectDesc::All }], generators :
                ::std::vec![], time_in_steps : false, docs : ::std::vec![] }),
                ::network::export::syntax::description::Wiring::Recorder(::network::export::syntax::description::RecorderDesc
                { name : ::std::string::String::from("inh_spikes"), kind :
                ::network::export::syntax::description::RecorderKind::Spikes { ascii :
                ::core::option::Option::None }, window : (0.0,
                ::core::option::Option::None), targets :
                ::std::vec![::network::export::syntax::description::TargetDesc {
                population : 0, select :
                ::network::export::syntax::description::SelectDesc::All }], generators :
                ::std::vec![], time_in_steps : false, docs : ::std::vec![] }),
                ::network::export::syntax::description::Wiring::Stimulator(::network::export::syntax::description::StimulatorDesc
                { name : ::std::string::String::from("dc"), kind :
                ::network::export::syntax::description::StimulusDesc::Dc { amplitude :
                ::network::export::syntax::description::NumDesc::Const(100.0) }, window :
                (500.0, ::core::option::Option::Some(700.0)), targets :
                ::std::vec![::network::export::syntax::description::TargetDesc {
                population : 1, select :
                ::network::export::syntax::description::SelectDesc::Within(::network::export::syntax::description::MaskDesc
                { mask :
                ::network::export::syntax::spec::Mask::new(::network::export::syntax::spec::MaskShape::Sphere
                { radius : 0.5 }).with_anchor([0.0, 0.0, 0.0]), center :
                ::core::option::Option::Some([0.0, 0.0, 0.0]), name :
                ::core::option::Option::Some(::std::string::String::from("corner")) },
                [0.0, 0.0, 0.0]) }], synapse :
                ::network::export::syntax::description::SynapseDesc { model :
                ::std::string::String::from("static_synapse"), base :
                ::network::export::syntax::spec::SynapseModel::Static, params :
                ::std::vec![], varied : ::std::vec![], weight :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(1.0)),
                delay :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(1.0)),
                receptor : 0 }, docs : ::std::vec![] }),
                ::network::export::syntax::description::Wiring::Stimulator(::network::export::syntax::description::StimulatorDesc
                { name : ::std::string::String::from("noise"), kind :
                ::network::export::syntax::description::StimulusDesc::Poisson { rate :
                ::network::export::syntax::description::NumDesc::Const(50.0) }, window :
                (100.0, ::core::option::Option::Some(900.0)), targets :
                ::std::vec![::network::export::syntax::description::TargetDesc {
                population : 1, select :
                ::network::export::syntax::description::SelectDesc::All }], synapse :
                ::network::export::syntax::description::SynapseDesc { model :
                ::std::string::String::from("static_synapse"), base :
                ::network::export::syntax::spec::SynapseModel::Static, params :
                ::std::vec![], varied : ::std::vec![], weight :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(2.5)),
                delay :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(1.5)),
                receptor : 0 }, docs : ::std::vec![] }),
                ::network::export::syntax::description::Wiring::Projection(::std::boxed::Box::new(::network::export::syntax::description::ProjectionDesc
                { field : ::std::string::String::from("pvpop_to_l23pyr"), name :
                ::std::string::String::from("pvpop -> l23pyr"), source : 0, target : 1,
                source_select : ::network::export::syntax::description::SelectDesc::All,
                target_select : ::network::export::syntax::description::SelectDesc::All,
                rule : ::network::export::syntax::spec::Rule::FixedIndegree(1), mask :
                ::core::option::Option::Some(::network::export::syntax::description::MaskDesc
                { mask :
                ::network::export::syntax::spec::Mask::new(::network::export::syntax::spec::MaskShape::Sphere
                { radius : 1.0 }).with_anchor([0.0, 0.0, 0.0]), center :
                ::core::option::Option::None, name : ::core::option::Option::None }),
                kernel : ::core::option::Option::None, autapses : false, multapses :
                false, use_on_source : false, synapse :
                ::network::export::syntax::description::SynapseDesc { model :
                ::std::string::String::from("static_synapse"), base :
                ::network::export::syntax::spec::SynapseModel::Static, params :
                ::std::vec![], varied : ::std::vec![], weight :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(-
                10.0)), delay :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(1.0)),
                receptor : 0 }, derived : ::core::option::Option::None, meta :
                ::std::vec![], docs : ::std::vec![] })),
                ::network::export::syntax::description::Wiring::Projection(::std::boxed::Box::new(::network::export::syntax::description::ProjectionDesc
                { field : ::std::string::String::from("l23pyr_to_pvpop"), name :
                ::std::string::String::from("l23pyr -> pvpop"), source : 1, target : 0,
                source_select : ::network::export::syntax::description::SelectDesc::All,
                target_select : ::network::export::syntax::description::SelectDesc::All,
                rule : ::network::export::syntax::spec::Rule::FixedIndegree(4), mask :
                ::core::option::Option::Some(::network::export::syntax::description::MaskDesc
                { mask :
                ::network::export::syntax::spec::Mask::new(::network::export::syntax::spec::MaskShape::Sphere
                { radius : 0.5 }).with_anchor([0.0, 0.0, 0.0]), center :
                ::core::option::Option::None, name : ::core::option::Option::None }),
                kernel : ::core::option::Option::None, autapses : false, multapses :
                false, use_on_source : false, synapse :
                ::network::export::syntax::description::SynapseDesc { model :
                ::std::string::String::from("static_synapse"), base :
                ::network::export::syntax::spec::SynapseModel::Static, params :
                ::std::vec![], varied : ::std::vec![], weight :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(4.0)),
                delay :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(1.0)),
                receptor : 0 }, derived : ::core::option::Option::None, meta :
                ::std::vec![], docs : ::std::vec![] }))
            ],
            exprs: ::std::vec![],
            protocol: ::std::vec![],
            rate: ::network::export::syntax::rate::RateDesc {
                kernel: ::std::vec![],
                neurons: ::std::vec![],
                populations: ::std::vec![],
                connections: ::std::vec![],
                multimeters: ::std::vec![],
            },
        }
    }
    /// A self-contained PyNEST 3 script that builds this network on NEST (with the
    /// positions drawn here), simulates it and prints a JSON summary.
    pub fn export_pynest(
        &self,
        options: &::network::export::ExportOptions,
    ) -> ::core::result::Result<::std::string::String, ::network::Error> {
        ::network::export::pynest_of(
            &Self::description(),
            "SeedNetwork",
            &["Layer 2/3 of primary visual cortex, one hemisphere."],
            &self.network,
            &Self::expression_values(),
            options,
        )
    }
    /// The same as [`Self::export_pynest`], as a Jupyter notebook (nbformat 4 JSON).
    pub fn export_notebook(
        &self,
        options: &::network::export::ExportOptions,
    ) -> ::core::result::Result<::std::string::String, ::network::Error> {
        ::network::export::notebook_of(
            &Self::description(),
            "SeedNetwork",
            &["Layer 2/3 of primary visual cortex, one hemisphere."],
            &self.network,
            &Self::expression_values(),
            options,
        )
    }
}
impl ::core::ops::Deref for SeedNetwork {
    type Target = ::network::Network;
    fn deref(&self) -> &::network::Network {
        &self.network
    }
}
///Neurons of `pvpop` (PV) to change between runs, as NEST's `SetStatus` between `Simulate` calls: one method per parameter of iaf_psc_alpha, in its unit, on the whole population or any selection of it.
#[allow(non_snake_case)]
pub struct SeedNetworkPvpopNeurons<'a>(::network::NeuronsMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkPvpopNeurons<'_> {
    ///`C_m` (pF): membrane capacitance
    pub fn C_m(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoFarad>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("C_m", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_m` (ms): membrane time constant
    pub fn tau_m(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_m", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`t_ref` (ms): duration of the refractory period, rounded up to whole steps
    pub fn t_ref(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("t_ref", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`E_L` (mV): resting membrane potential
    pub fn E_L(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("E_L", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_th` (mV): spike threshold
    pub fn V_th(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_th", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_reset` (mV): reset potential
    pub fn V_reset(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_reset", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_syn_ex` (ms): rise time of the excitatory alpha current
    pub fn tau_syn_ex(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_syn_ex", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_syn_in` (ms): rise time of the inhibitory alpha current
    pub fn tau_syn_in(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_syn_in", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`I_e` (pA): constant input current
    pub fn I_e(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoAmpere>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("I_e", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_min` (mV): absolute lower bound of the membrane potential (-inf: none)
    pub fn V_min(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_min", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_m` (mV): initial membrane potential
    pub fn V_m(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_m", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_minus` (ms): time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)
    pub fn tau_minus(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_minus", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_minus_triplet` (ms): time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)
    pub fn tau_minus_triplet(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_minus_triplet", value)?;
        ::core::result::Result::Ok(self)
    }
}
///Neurons of `l23pyr` (PyL23) to change between runs, as NEST's `SetStatus` between `Simulate` calls: one method per parameter of iaf_psc_alpha, in its unit, on the whole population or any selection of it.
#[allow(non_snake_case)]
pub struct SeedNetworkL23pyrNeurons<'a>(::network::NeuronsMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkL23pyrNeurons<'_> {
    ///`C_m` (pF): membrane capacitance
    pub fn C_m(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoFarad>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("C_m", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_m` (ms): membrane time constant
    pub fn tau_m(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_m", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`t_ref` (ms): duration of the refractory period, rounded up to whole steps
    pub fn t_ref(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("t_ref", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`E_L` (mV): resting membrane potential
    pub fn E_L(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("E_L", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_th` (mV): spike threshold
    pub fn V_th(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_th", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_reset` (mV): reset potential
    pub fn V_reset(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_reset", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_syn_ex` (ms): rise time of the excitatory alpha current
    pub fn tau_syn_ex(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_syn_ex", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_syn_in` (ms): rise time of the inhibitory alpha current
    pub fn tau_syn_in(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_syn_in", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`I_e` (pA): constant input current
    pub fn I_e(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoAmpere>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("I_e", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_min` (mV): absolute lower bound of the membrane potential (-inf: none)
    pub fn V_min(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_min", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`V_m` (mV): initial membrane potential
    pub fn V_m(
        &mut self,
        value: ::network::units::Quantity<::network::units::MilliVolt>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("V_m", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_minus` (ms): time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)
    pub fn tau_minus(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_minus", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`tau_minus_triplet` (ms): time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)
    pub fn tau_minus_triplet(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("tau_minus_triplet", value)?;
        ::core::result::Result::Ok(self)
    }
}
#[allow(non_snake_case)]
impl SeedNetwork {
    ///Every neuron of `pvpop`, to change between runs (see [`SeedNetworkPvpopNeurons`]).
    pub fn set_pvpop(&mut self) -> SeedNetworkPvpopNeurons<'_> {
        let selection = self.pvpop.all();
        let population = self.pvpop.index();
        SeedNetworkPvpopNeurons(
            ::network::NeuronsMut::new(&mut self.network, population, selection),
        )
    }
    ///The neurons `selection` of `pvpop` (a range, a list or a mask selection), to change between runs; a selection of another population is an error when set.
    pub fn set_pvpop_in(
        &mut self,
        selection: &::network::Selection,
    ) -> SeedNetworkPvpopNeurons<'_> {
        let population = self.pvpop.index();
        SeedNetworkPvpopNeurons(
            ::network::NeuronsMut::new(&mut self.network, population, selection.clone()),
        )
    }
    ///Every neuron of `l23pyr`, to change between runs (see [`SeedNetworkL23pyrNeurons`]).
    pub fn set_l23pyr(&mut self) -> SeedNetworkL23pyrNeurons<'_> {
        let selection = self.l23pyr.all();
        let population = self.l23pyr.index();
        SeedNetworkL23pyrNeurons(
            ::network::NeuronsMut::new(&mut self.network, population, selection),
        )
    }
    ///The neurons `selection` of `l23pyr` (a range, a list or a mask selection), to change between runs; a selection of another population is an error when set.
    pub fn set_l23pyr_in(
        &mut self,
        selection: &::network::Selection,
    ) -> SeedNetworkL23pyrNeurons<'_> {
        let population = self.l23pyr.index();
        SeedNetworkL23pyrNeurons(
            ::network::NeuronsMut::new(&mut self.network, population, selection.clone()),
        )
    }
}
///The window of spike recorder `corner_spikes` to change between runs, as NEST's `SetStatus` between `Simulate` calls: `start`, `stop`, `origin` in ms.
pub struct SeedNetworkCornerSpikesRecorder<'a>(::network::RecorderMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkCornerSpikesRecorder<'_> {
    ///`start` (ms): start of the activity window, relative to `origin`; as `set corner_spikes.start = ..;` in a `protocol` block.
    pub fn start(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("start", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`stop` (ms): end of the activity window, relative to `origin`; as `set corner_spikes.stop = ..;` in a `protocol` block.
    pub fn stop(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("stop", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`origin` (ms): time the window's `start` and `stop` count from; as `set corner_spikes.origin = ..;` in a `protocol` block.
    pub fn origin(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("origin", value)?;
        ::core::result::Result::Ok(self)
    }
}
///The window of spike recorder `exc_spikes` to change between runs, as NEST's `SetStatus` between `Simulate` calls: `start`, `stop`, `origin` in ms.
pub struct SeedNetworkExcSpikesRecorder<'a>(::network::RecorderMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkExcSpikesRecorder<'_> {
    ///`start` (ms): start of the activity window, relative to `origin`; as `set exc_spikes.start = ..;` in a `protocol` block.
    pub fn start(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("start", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`stop` (ms): end of the activity window, relative to `origin`; as `set exc_spikes.stop = ..;` in a `protocol` block.
    pub fn stop(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("stop", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`origin` (ms): time the window's `start` and `stop` count from; as `set exc_spikes.origin = ..;` in a `protocol` block.
    pub fn origin(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("origin", value)?;
        ::core::result::Result::Ok(self)
    }
}
///The window of spike recorder `inh_spikes` to change between runs, as NEST's `SetStatus` between `Simulate` calls: `start`, `stop`, `origin` in ms.
pub struct SeedNetworkInhSpikesRecorder<'a>(::network::RecorderMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkInhSpikesRecorder<'_> {
    ///`start` (ms): start of the activity window, relative to `origin`; as `set inh_spikes.start = ..;` in a `protocol` block.
    pub fn start(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("start", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`stop` (ms): end of the activity window, relative to `origin`; as `set inh_spikes.stop = ..;` in a `protocol` block.
    pub fn stop(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("stop", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`origin` (ms): time the window's `start` and `stop` count from; as `set inh_spikes.origin = ..;` in a `protocol` block.
    pub fn origin(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("origin", value)?;
        ::core::result::Result::Ok(self)
    }
}
///Generator `dc` (dc_generator) to change between runs, as NEST's `SetStatus` between `Simulate` calls: one method per parameter it takes, in its unit, and its window.
pub struct SeedNetworkDcGenerator<'a>(::network::GeneratorMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkDcGenerator<'_> {
    ///`amplitude` (pA): the constant current; as `set dc.amplitude = ..;` in a `protocol` block.
    pub fn amplitude(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoAmpere>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("amplitude", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`start` (ms): start of the activity window, relative to `origin`; as `set dc.start = ..;` in a `protocol` block.
    pub fn start(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("start", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`stop` (ms): end of the activity window, relative to `origin`; as `set dc.stop = ..;` in a `protocol` block.
    pub fn stop(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("stop", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`origin` (ms): time the window's `start` and `stop` count from; as `set dc.origin = ..;` in a `protocol` block.
    pub fn origin(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("origin", value)?;
        ::core::result::Result::Ok(self)
    }
}
///Generator `noise` (poisson_generator) to change between runs, as NEST's `SetStatus` between `Simulate` calls: one method per parameter it takes, in its unit, and its window.
pub struct SeedNetworkNoiseGenerator<'a>(::network::GeneratorMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkNoiseGenerator<'_> {
    ///`rate` (Hz): the mean rate; as `set noise.rate = ..;` in a `protocol` block.
    pub fn rate(
        &mut self,
        value: ::network::units::Quantity<::network::units::Hertz>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("rate", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`start` (ms): start of the activity window, relative to `origin`; as `set noise.start = ..;` in a `protocol` block.
    pub fn start(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("start", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`stop` (ms): end of the activity window, relative to `origin`; as `set noise.stop = ..;` in a `protocol` block.
    pub fn stop(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("stop", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`origin` (ms): time the window's `start` and `stop` count from; as `set noise.origin = ..;` in a `protocol` block.
    pub fn origin(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("origin", value)?;
        ::core::result::Result::Ok(self)
    }
}
///The synapses of `pvpop_to_l23pyr` (static_synapse) to change between runs, as NEST's `SetStatus` on its connections between `Simulate` calls: one method per value it takes (its weight, delay, rule parameters and plastic state), in its unit, set alike on every synapse. Each method is one `SetStatus`; values NEST checks together (`x` and `y` of tsodyks_synapse) move one at a time.
pub struct SeedNetworkPvpopToL23pyrSynapses<'a>(::network::SynapsesMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkPvpopToL23pyrSynapses<'_> {
    ///`weight` (pA): the weight of every synapse; as `set pvpop_to_l23pyr.weight = ..;` in a `protocol` block.
    pub fn weight(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoAmpere>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("weight", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`delay` (ms): the delay of every synapse; as `set pvpop_to_l23pyr.delay = ..;` in a `protocol` block.
    pub fn delay(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("delay", value)?;
        ::core::result::Result::Ok(self)
    }
}
///The synapses of `l23pyr_to_pvpop` (static_synapse) to change between runs, as NEST's `SetStatus` on its connections between `Simulate` calls: one method per value it takes (its weight, delay, rule parameters and plastic state), in its unit, set alike on every synapse. Each method is one `SetStatus`; values NEST checks together (`x` and `y` of tsodyks_synapse) move one at a time.
pub struct SeedNetworkL23pyrToPvpopSynapses<'a>(::network::SynapsesMut<'a>);
#[allow(non_snake_case)]
impl SeedNetworkL23pyrToPvpopSynapses<'_> {
    ///`weight` (pA): the weight of every synapse; as `set l23pyr_to_pvpop.weight = ..;` in a `protocol` block.
    pub fn weight(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoAmpere>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("weight", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`delay` (ms): the delay of every synapse; as `set l23pyr_to_pvpop.delay = ..;` in a `protocol` block.
    pub fn delay(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("delay", value)?;
        ::core::result::Result::Ok(self)
    }
}
#[allow(non_snake_case)]
impl SeedNetwork {
    ///The window of spike recorder `corner_spikes`, to change between runs (see [`SeedNetworkCornerSpikesRecorder`]).
    pub fn set_corner_spikes(&mut self) -> SeedNetworkCornerSpikesRecorder<'_> {
        SeedNetworkCornerSpikesRecorder(
            ::network::RecorderMut::new(
                &mut self.network,
                "corner_spikes",
                ::core::option::Option::Some(
                    ::core::convert::Into::into(self.corner_spikes),
                ),
            ),
        )
    }
    ///The window of spike recorder `exc_spikes`, to change between runs (see [`SeedNetworkExcSpikesRecorder`]).
    pub fn set_exc_spikes(&mut self) -> SeedNetworkExcSpikesRecorder<'_> {
        SeedNetworkExcSpikesRecorder(
            ::network::RecorderMut::new(
                &mut self.network,
                "exc_spikes",
                ::core::option::Option::Some(
                    ::core::convert::Into::into(self.exc_spikes),
                ),
            ),
        )
    }
    ///The window of spike recorder `inh_spikes`, to change between runs (see [`SeedNetworkInhSpikesRecorder`]).
    pub fn set_inh_spikes(&mut self) -> SeedNetworkInhSpikesRecorder<'_> {
        SeedNetworkInhSpikesRecorder(
            ::network::RecorderMut::new(
                &mut self.network,
                "inh_spikes",
                ::core::option::Option::Some(
                    ::core::convert::Into::into(self.inh_spikes),
                ),
            ),
        )
    }
    ///Generator `dc` (dc_generator), to change between runs (see [`SeedNetworkDcGenerator`]).
    pub fn set_dc(&mut self) -> SeedNetworkDcGenerator<'_> {
        SeedNetworkDcGenerator(::network::GeneratorMut::new(&mut self.network, self.dc))
    }
    ///Generator `noise` (poisson_generator), to change between runs (see [`SeedNetworkNoiseGenerator`]).
    pub fn set_noise(&mut self) -> SeedNetworkNoiseGenerator<'_> {
        SeedNetworkNoiseGenerator(
            ::network::GeneratorMut::new(&mut self.network, self.noise),
        )
    }
    ///The synapses of `pvpop_to_l23pyr`, to change between runs (see [`SeedNetworkPvpopToL23pyrSynapses`]).
    pub fn set_pvpop_to_l23pyr(&mut self) -> SeedNetworkPvpopToL23pyrSynapses<'_> {
        SeedNetworkPvpopToL23pyrSynapses(
            ::network::SynapsesMut::new(&mut self.network, self.pvpop_to_l23pyr),
        )
    }
    ///The synapses of `l23pyr_to_pvpop`, to change between runs (see [`SeedNetworkL23pyrToPvpopSynapses`]).
    pub fn set_l23pyr_to_pvpop(&mut self) -> SeedNetworkL23pyrToPvpopSynapses<'_> {
        SeedNetworkL23pyrToPvpopSynapses(
            ::network::SynapsesMut::new(&mut self.network, self.l23pyr_to_pvpop),
        )
    }
}
#[allow(non_snake_case)]
impl SeedNetwork {
    /// The parts of [`Self::MEMORY_ESTIMATE`]: name, lasting bytes, and bytes held
    /// only while the part is built (a rule's drawn edges).
    pub const MEMORY_PARTS: &'static [(&'static str, u64, u64)] = &[
        (
            "population `pvpop` (100 neurons)",
            ::network::network::declared::population::<
                ::network::IafPscAlpha,
            >(100usize, true),
            0u64,
        ),
        (
            "population `l23pyr` (800 neurons)",
            ::network::network::declared::population::<
                ::network::IafPscAlpha,
            >(800usize, true),
            0u64,
        ),
        ("generator `dc`", ::network::network::declared::generator(800usize), 0u64),
        ("generator `noise`", ::network::network::declared::generator(800usize), 0u64),
        {
            let (lasting, drawn) = ::network::network::declared::synapses(
                800u64,
                100usize,
                800usize,
                ::network::network::PerSynapse {
                    model: ::network::spec::SynapseModel::Static,
                    weight: ::network::spec::WeightStorage::Shared,
                    random_delay: false,
                    drawn_parameters: false,
                },
            );
            ("projection `pvpop -> l23pyr`", lasting, drawn)
        },
        {
            let (lasting, drawn) = ::network::network::declared::synapses(
                400u64,
                800usize,
                100usize,
                ::network::network::PerSynapse {
                    model: ::network::spec::SynapseModel::Static,
                    weight: ::network::spec::WeightStorage::Shared,
                    random_delay: false,
                    drawn_parameters: false,
                },
            );
            ("projection `l23pyr -> pvpop`", lasting, drawn)
        },
        (
            "ring buffers",
            0u64
                .saturating_add(
                    ::network::network::declared::rings(100usize, 15u64, 15u64),
                )
                .saturating_add(
                    ::network::network::declared::rings(800usize, 15u64, 15u64),
                ),
            0u64,
        ),
    ];
    ///The most memory building this network holds at once, bytes (allocator overhead not counted), evaluated by the compiler from its counts: 900 neurons in 2 populations, 1,200 synapses (the rules' upper estimate) in 2 projections, 2 generators. `build` refuses, before allocating, a network whose estimate exceeds the machine's available memory; recorded data is estimated before each `simulate`.
    pub const MEMORY_ESTIMATE: u64 = ::network::network::declared::peak(
        Self::MEMORY_PARTS,
    );
}
