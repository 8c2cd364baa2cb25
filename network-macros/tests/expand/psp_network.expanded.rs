/// Brunel's cells with weights written as PSP heights.
#[allow(non_snake_case)]
pub struct PspNetwork {
    ///Population `cells`: 20 neurons of `Lif` (iaf_psc_alpha).
    pub cells: ::network::PopulationHandle<::network::Const<20>>,
    ///Projection `exc` (FixedIndegree(3)).
    pub exc: ::network::ProjectionHandle,
    ///Projection `cells -> cells` (FixedIndegree(2)).
    pub cells_to_cells: ::network::ProjectionHandle,
    ///Recorder `spikes` on `cells`.
    pub spikes: ::network::SpikeRecorderHandle,
    network: ::network::Network,
}
#[allow(non_snake_case, clippy::too_many_lines)]
impl PspNetwork {
    /// The resolution, ms.
    pub const RESOLUTION_MS: f64 = 0.1;
    /// The seed given by `seed = ..;` (42 when not written).
    pub const DEFAULT_SEED: ::network::Seed = ::network::Seed(1);
    /// The description this type was generated from (the macro's input as text).
    pub const DESCRIPTION: &'static str = "/// Brunel's cells with weights written as PSP heights.\npub struct PspNetwork;\n\nresolution = 0.1 ms;\nseed = 1;\n\nneuron Lif = iaf_psc_alpha {\n    C_m: 250 pF, tau_m: 20 ms, tau_syn_ex: 0.5 ms, tau_syn_in: 0.5 ms, t_ref: 2 ms,\n    E_L: 0 mV, V_reset: 0 mV, V_m: 0 mV, V_th: 20 mV,\n};\nsynapse inh = static_synapse { weight: psp(-0.4 mV), delay: 1.5 ms };\npopulation cells = Lif[20];\nconnect exc = cells -> cells: fixed_indegree(3), via static_synapse { weight: psp(0.1 mV), delay: 1.5 ms };\nconnect cells -> cells: fixed_indegree(2), via inh;\nrecord spikes = spike_recorder <- cells;\n";
    /// The description in canonical form: the operations that build it, one a
    /// line. The engine hashes it into the `description_sha256` of every output,
    /// which is the same for this type and for the description read from a file.
    pub const CANONICAL: &'static str = "resolution 0.1\nseed 1\nmodel \"Lif\" iaf_psc_alpha [(\"C_m\", 250.0), (\"tau_m\", 20.0), (\"tau_syn_ex\", 0.5), (\"tau_syn_in\", 0.5), (\"t_ref\", 2.0), (\"E_L\", 0.0), (\"V_reset\", 0.0), (\"V_m\", 0.0), (\"V_th\", 20.0)] [] firing None\npopulation 0 \"cells\" \"Lif\" Fixed(20) None\nconnect \"exc\" \"exc\" 0 0 FixedIndegree(3) mask None kernel None autapses true multapses true use_on_source false synapse static_synapse None weight Constant(20.680155243678456) delay Constant(1.5) receptor None []\nconnect \"cells_to_cells\" \"cells -> cells\" 0 0 FixedIndegree(2) mask None kernel None autapses true multapses true use_on_source false synapse static_synapse Some(\"inh\") weight Constant(-82.72062097471382) delay Constant(1.5) receptor None []\nspike_recorder \"spikes\" window 0.0..inf Memory [All(0)]\n";
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
            "network `PspNetwork`",
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
        let model_Lif = ::network::Model::variant(
            "Lif",
            ::network::IafPscAlpha {
                C_m: 250.0,
                tau_m: 20.0,
                tau_syn_ex: 0.5,
                tau_syn_in: 0.5,
                t_ref: 2.0,
                E_L: 0.0,
                V_reset: 0.0,
                V_m: 0.0,
                V_th: 20.0,
                ..::core::default::Default::default()
            },
        )?;
        let pop_cells = builder.population("cells", &model_Lif, ::network::Const::<20>)?;
        let proj_exc = builder
            .connect(
                "exc",
                &pop_cells,
                &pop_cells,
                &::network::connect::ConnSpec::new(
                    ::network::connect::Rule::FixedIndegree(3),
                ),
                &::network::StaticSynapse::new(20.680155243678456, 1.5),
            )?;
        let proj_cells_to_cells = builder
            .connect(
                "cells -> cells",
                &pop_cells,
                &pop_cells,
                &::network::connect::ConnSpec::new(
                    ::network::connect::Rule::FixedIndegree(2),
                ),
                &::network::StaticSynapse::variant("inh", -82.72062097471382, 1.5),
            )?;
        let dev_spikes = builder
            .spike_recorder(
                "spikes",
                ::network::SpikeRecorder {
                    window: ::network::Window::new(
                        0.0,
                        ::core::primitive::f64::INFINITY,
                    ),
                    record_to: ::network::RecordTo::Memory,
                    time_in_steps: false,
                },
                &[pop_cells.all()],
            )?;
        let network = builder.build()?;
        ::core::result::Result::Ok(Self {
            cells: pop_cells,
            exc: proj_exc,
            cells_to_cells: proj_cells_to_cells,
            spikes: dev_spikes,
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
            seed: 1,
            data_path: ::core::option::Option::None,
            data_prefix: ::core::option::Option::None,
            delay_extrema: ::core::option::Option::None,
            neurons: ::std::vec![
                ::network::export::syntax::description::NeuronDesc { name :
                ::std::string::String::from("Lif"), base :
                ::network::export::syntax::spec::BaseModel::IafPscAlpha, params :
                ::std::vec![("C_m", 250.0), ("tau_m", 20.0), ("tau_syn_ex", 0.5),
                ("tau_syn_in", 0.5), ("t_ref", 2.0), ("E_L", 0.0), ("V_reset", 0.0),
                ("V_m", 0.0), ("V_th", 20.0)], lists : ::std::vec![], ports :
                ::std::vec![], class : ::core::option::Option::None, firing :
                ::core::option::Option::None, meta : ::std::vec![], docs : ::std::vec![]
                }
            ],
            populations: ::std::vec![
                ::network::export::syntax::description::PopulationDesc { name :
                ::std::string::String::from("cells"), model : 0, size :
                ::network::export::syntax::description::Size::Fixed(20), layout :
                ::core::option::Option::None, initial : ::std::vec![], meta :
                ::std::vec![], docs : ::std::vec![] }
            ],
            wiring: ::std::vec![
                ::network::export::syntax::description::Wiring::Projection(::std::boxed::Box::new(::network::export::syntax::description::ProjectionDesc
                { field : ::std::string::String::from("exc"), name :
                ::std::string::String::from("exc"), source : 0, target : 0, source_select
                : ::network::export::syntax::description::SelectDesc::All, target_select
                : ::network::export::syntax::description::SelectDesc::All, rule :
                ::network::export::syntax::spec::Rule::FixedIndegree(3), mask :
                ::core::option::Option::None, kernel : ::core::option::Option::None,
                autapses : true, multapses : true, use_on_source : false, synapse :
                ::network::export::syntax::description::SynapseDesc { model :
                ::std::string::String::from("static_synapse"), base :
                ::network::export::syntax::spec::SynapseModel::Static, params :
                ::std::vec![], varied : ::std::vec![], weight :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(20.680155243678456)),
                delay :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(1.5)),
                receptor : 0 }, derived : ::core::option::Option::None, meta :
                ::std::vec![], docs : ::std::vec![] })),
                ::network::export::syntax::description::Wiring::Projection(::std::boxed::Box::new(::network::export::syntax::description::ProjectionDesc
                { field : ::std::string::String::from("cells_to_cells"), name :
                ::std::string::String::from("cells -> cells"), source : 0, target : 0,
                source_select : ::network::export::syntax::description::SelectDesc::All,
                target_select : ::network::export::syntax::description::SelectDesc::All,
                rule : ::network::export::syntax::spec::Rule::FixedIndegree(2), mask :
                ::core::option::Option::None, kernel : ::core::option::Option::None,
                autapses : true, multapses : true, use_on_source : false, synapse :
                ::network::export::syntax::description::SynapseDesc { model :
                ::std::string::String::from("inh"), base :
                ::network::export::syntax::spec::SynapseModel::Static, params :
                ::std::vec![], varied : ::std::vec![], weight :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(-
                82.72062097471382)), delay :
                ::network::export::syntax::description::ValueDesc::Known(::network::export::syntax::spec::Value::Constant(1.5)),
                receptor : 0 }, derived : ::core::option::Option::None, meta :
                ::std::vec![], docs : ::std::vec![] })),
                ::network::export::syntax::description::Wiring::Recorder(::network::export::syntax::description::RecorderDesc
                { name : ::std::string::String::from("spikes"), kind :
                ::network::export::syntax::description::RecorderKind::Spikes { ascii :
                ::core::option::Option::None }, window : (0.0,
                ::core::option::Option::None), targets :
                ::std::vec![::network::export::syntax::description::TargetDesc {
                population : 0, select :
                ::network::export::syntax::description::SelectDesc::All }], generators :
                ::std::vec![], time_in_steps : false, docs : ::std::vec![] })
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
            "PspNetwork",
            &["Brunel's cells with weights written as PSP heights."],
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
            "PspNetwork",
            &["Brunel's cells with weights written as PSP heights."],
            &self.network,
            &Self::expression_values(),
            options,
        )
    }
}
impl ::core::ops::Deref for PspNetwork {
    type Target = ::network::Network;
    fn deref(&self) -> &::network::Network {
        &self.network
    }
}
///Neurons of `cells` (Lif) to change between runs, as NEST's `SetStatus` between `Simulate` calls: one method per parameter of iaf_psc_alpha, in its unit, on the whole population or any selection of it.
#[allow(non_snake_case)]
pub struct PspNetworkCellsNeurons<'a>(::network::NeuronsMut<'a>);
#[allow(non_snake_case)]
impl PspNetworkCellsNeurons<'_> {
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
impl PspNetwork {
    ///Every neuron of `cells`, to change between runs (see [`PspNetworkCellsNeurons`]).
    pub fn set_cells(&mut self) -> PspNetworkCellsNeurons<'_> {
        let selection = self.cells.all();
        let population = self.cells.index();
        PspNetworkCellsNeurons(
            ::network::NeuronsMut::new(&mut self.network, population, selection),
        )
    }
    ///The neurons `selection` of `cells` (a range, a list or a mask selection), to change between runs; a selection of another population is an error when set.
    pub fn set_cells_in(
        &mut self,
        selection: &::network::Selection,
    ) -> PspNetworkCellsNeurons<'_> {
        let population = self.cells.index();
        PspNetworkCellsNeurons(
            ::network::NeuronsMut::new(&mut self.network, population, selection.clone()),
        )
    }
}
///The synapses of `exc` (static_synapse) to change between runs, as NEST's `SetStatus` on its connections between `Simulate` calls: one method per value it takes (its weight, delay, rule parameters and plastic state), in its unit, set alike on every synapse. Each method is one `SetStatus`; values NEST checks together (`x` and `y` of tsodyks_synapse) move one at a time.
pub struct PspNetworkExcSynapses<'a>(::network::SynapsesMut<'a>);
#[allow(non_snake_case)]
impl PspNetworkExcSynapses<'_> {
    ///`weight` (pA): the weight of every synapse; as `set exc.weight = ..;` in a `protocol` block.
    pub fn weight(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoAmpere>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("weight", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`delay` (ms): the delay of every synapse; as `set exc.delay = ..;` in a `protocol` block.
    pub fn delay(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("delay", value)?;
        ::core::result::Result::Ok(self)
    }
}
///The synapses of `cells_to_cells` (static_synapse) to change between runs, as NEST's `SetStatus` on its connections between `Simulate` calls: one method per value it takes (its weight, delay, rule parameters and plastic state), in its unit, set alike on every synapse. Each method is one `SetStatus`; values NEST checks together (`x` and `y` of tsodyks_synapse) move one at a time.
pub struct PspNetworkCellsToCellsSynapses<'a>(::network::SynapsesMut<'a>);
#[allow(non_snake_case)]
impl PspNetworkCellsToCellsSynapses<'_> {
    ///`weight` (pA): the weight of every synapse; as `set cells_to_cells.weight = ..;` in a `protocol` block.
    pub fn weight(
        &mut self,
        value: ::network::units::Quantity<::network::units::PicoAmpere>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("weight", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`delay` (ms): the delay of every synapse; as `set cells_to_cells.delay = ..;` in a `protocol` block.
    pub fn delay(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("delay", value)?;
        ::core::result::Result::Ok(self)
    }
}
///The window of spike recorder `spikes` to change between runs, as NEST's `SetStatus` between `Simulate` calls: `start`, `stop`, `origin` in ms.
pub struct PspNetworkSpikesRecorder<'a>(::network::RecorderMut<'a>);
#[allow(non_snake_case)]
impl PspNetworkSpikesRecorder<'_> {
    ///`start` (ms): start of the activity window, relative to `origin`; as `set spikes.start = ..;` in a `protocol` block.
    pub fn start(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("start", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`stop` (ms): end of the activity window, relative to `origin`; as `set spikes.stop = ..;` in a `protocol` block.
    pub fn stop(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("stop", value)?;
        ::core::result::Result::Ok(self)
    }
    ///`origin` (ms): time the window's `start` and `stop` count from; as `set spikes.origin = ..;` in a `protocol` block.
    pub fn origin(
        &mut self,
        value: ::network::units::Quantity<::network::units::Ms>,
    ) -> ::core::result::Result<&mut Self, ::network::Error> {
        self.0.set("origin", value)?;
        ::core::result::Result::Ok(self)
    }
}
#[allow(non_snake_case)]
impl PspNetwork {
    ///The synapses of `exc`, to change between runs (see [`PspNetworkExcSynapses`]).
    pub fn set_exc(&mut self) -> PspNetworkExcSynapses<'_> {
        PspNetworkExcSynapses(::network::SynapsesMut::new(&mut self.network, self.exc))
    }
    ///The synapses of `cells_to_cells`, to change between runs (see [`PspNetworkCellsToCellsSynapses`]).
    pub fn set_cells_to_cells(&mut self) -> PspNetworkCellsToCellsSynapses<'_> {
        PspNetworkCellsToCellsSynapses(
            ::network::SynapsesMut::new(&mut self.network, self.cells_to_cells),
        )
    }
    ///The window of spike recorder `spikes`, to change between runs (see [`PspNetworkSpikesRecorder`]).
    pub fn set_spikes(&mut self) -> PspNetworkSpikesRecorder<'_> {
        PspNetworkSpikesRecorder(
            ::network::RecorderMut::new(
                &mut self.network,
                "spikes",
                ::core::option::Option::Some(::core::convert::Into::into(self.spikes)),
            ),
        )
    }
}
#[allow(non_snake_case)]
impl PspNetwork {
    /// The parts of [`Self::MEMORY_ESTIMATE`]: name, lasting bytes, and bytes held
    /// only while the part is built (a rule's drawn edges).
    pub const MEMORY_PARTS: &'static [(&'static str, u64, u64)] = &[
        (
            "population `cells` (20 neurons)",
            ::network::network::declared::population::<
                ::network::IafPscAlpha,
            >(20usize, false),
            0u64,
        ),
        {
            let (lasting, drawn) = ::network::network::declared::synapses(
                60u64,
                20usize,
                20usize,
                ::network::network::PerSynapse {
                    model: ::network::spec::SynapseModel::Static,
                    weight: ::network::spec::WeightStorage::Shared,
                    random_delay: false,
                    drawn_parameters: false,
                },
            );
            ("projection `exc`", lasting, drawn)
        },
        {
            let (lasting, drawn) = ::network::network::declared::synapses(
                40u64,
                20usize,
                20usize,
                ::network::network::PerSynapse {
                    model: ::network::spec::SynapseModel::Static,
                    weight: ::network::spec::WeightStorage::Shared,
                    random_delay: false,
                    drawn_parameters: false,
                },
            );
            ("projection `cells -> cells`", lasting, drawn)
        },
        (
            "ring buffers",
            0u64
                .saturating_add(
                    ::network::network::declared::rings(20usize, 15u64, 15u64),
                ),
            0u64,
        ),
    ];
    ///The most memory building this network holds at once, bytes (allocator overhead not counted), evaluated by the compiler from its counts: 20 neurons in 1 populations, 100 synapses (the rules' upper estimate) in 2 projections, 0 generators. `build` refuses, before allocating, a network whose estimate exceeds the machine's available memory; recorded data is estimated before each `simulate`.
    pub const MEMORY_ESTIMATE: u64 = ::network::network::declared::peak(
        Self::MEMORY_PARTS,
    );
}
