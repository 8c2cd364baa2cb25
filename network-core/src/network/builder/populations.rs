//! `NetworkBuilder::population` and friends: populations, their positions, selections
//! of their neurons and their initial state.

use super::NetworkBuilder;
use crate::engine::population::Population;
use crate::error::{Error, Result};
use crate::models::NeuronModel;
use crate::network::canonical::Call;
use crate::network::handles::{PopulationHandle, Selection};
use crate::network::info::PopulationInfo;
use crate::network::model::Model;
use crate::network::resources;
use crate::rng::Purpose;
use crate::spatial::Place;
use crate::spatial::{check_compatible, select, Layout, Mask, Point, Space};
use crate::storage::Length;
use crate::synapse::SampleValue;
use crate::synapse::Value;
use std::sync::Arc;

impl NetworkBuilder {
    /// The node id of the first neuron of a new population of `len` neurons; node ids
    /// are 32-bit, as the synapse storage's source indices.
    pub(super) fn next_node_id(&self, name: &str, len: usize) -> Result<u32> {
        let first = self
            .population_info
            .last()
            .map_or(1, |p| u64::from(p.first_node_id) + p.len as u64)
            .max(u64::from(self.rate.next_node_id));
        if first + len as u64 > u64::from(u32::MAX) {
            return Err(Error::Resources(format!(
                "population `{name}`: {len} neurons take the network past 2^32 − 1 neurons, \
                 the most node ids can number; make the population smaller"
            )));
        }
        Ok(first as u32)
    }

    /// The models count refractory steps in 32 bits: a `t_ref` longer than that many
    /// steps of this resolution is an error naming the model.
    fn check_refractory_steps<M: NeuronModel>(&self, model: &Model<M>) -> Result<()> {
        let Some(t_ref) = model.params().get("t_ref") else {
            return Ok(());
        };
        if self.resolution.steps_ceil(t_ref) > i64::from(u32::MAX) {
            let longest = self.resolution.step_to_ms(i64::from(u32::MAX));
            return Err(Error::invalid(
                model.name(),
                "t_ref",
                t_ref,
                format!(
                    "must be at most {longest} ms at the resolution {} ms (2^32 − 1 steps)",
                    self.resolution.ms()
                ),
            ));
        }
        Ok(())
    }

    /// Adds a population of `len` neurons of `model`.
    pub fn population<M: NeuronModel, L: Length>(
        &mut self,
        name: &str,
        model: &Model<M>,
        len: L,
    ) -> Result<PopulationHandle<L>> {
        self.check_name(name, "population")?;
        self.note(
            Call::new("population")
                .field("name", name)
                .field("model", model.name())
                .field("nest_model", M::NAME)
                .model(model.params())
                .debug("firing", &model.firing())
                .field("size", len.value()),
        );
        if len.value() == 0 {
            return Err(Error::invalid(
                name,
                "size",
                0,
                "a population needs at least one neuron",
            ));
        }
        self.check_refractory_steps(model)?;
        let first_node_id = self.next_node_id(name, len.value())?;
        // All neurons' state until `build`; then this rank keeps its own blocks'.
        let all = resources::neuron_bytes::<M>(len.value());
        let owned = resources::neuron_bytes::<M>(self.owned_neurons_of_next(len.value()));
        self.memory.reserve(
            &format!(
                "population `{name}` ({} neurons of {})",
                len.value(),
                M::NAME
            ),
            owned,
            all - owned,
        )?;
        let propagators = model.params().propagators(&self.resolution);
        self.populations.push(Box::new(Population::new(
            model.params().clone(),
            propagators,
            len,
        )));
        self.population_info.push(PopulationInfo {
            name: name.to_string(),
            model: model.name().to_string(),
            base_model: M::NAME,
            len: len.value(),
            first_node_id,
            space: None,
            firing: model.firing().copied(),
        });
        self.take_name(name, "population");
        Ok(PopulationHandle {
            index: self.populations.len() - 1,
            len,
        })
    }

    /// Adds a spatial population of `len` neurons of `model`, placed by `layout`
    /// (positions in mm; random positions come from the population's own stream).
    pub fn spatial_population<M: NeuronModel, L: Length>(
        &mut self,
        name: &str,
        model: &Model<M>,
        len: L,
        layout: &Layout,
    ) -> Result<PopulationHandle<L>> {
        self.note(
            Call::new("layout")
                .field("name", name)
                .debug("layout", layout),
        );
        let index = self.populations.len();
        let positions = resources::position_bytes(len.value());
        let neurons = resources::neuron_bytes::<M>(len.value());
        let what = format!("population `{name}` ({} neurons in space)", len.value());
        // Checked before the positions are drawn, committed once the population exists.
        self.memory.check(&what, positions + neurons, 0)?;
        let space = layout.place(name, len.value(), self.seed, index as u64)?;
        let handle = self.population(name, model, len)?;
        self.memory.reserve(&what, positions, 0)?;
        self.population_info[index].space = Some(Arc::new(space));
        Ok(handle)
    }

    /// The neurons of a spatial population that lie inside `mask` placed at `center`
    /// (absolute position, mm), e.g. "the l23pyr neurons within 0.5 mm of the origin".
    /// An empty result is an error naming the population and the mask.
    pub fn within<L: Length>(
        &self,
        population: &PopulationHandle<L>,
        mask: &Mask,
        center: [f64; 3],
    ) -> Result<Selection> {
        select_within(&self.population_info, population.index, mask, center)
    }

    /// Positions (mm) of a spatial population's neurons.
    pub fn positions<L: Length>(&self, population: &PopulationHandle<L>) -> Option<&[Point]> {
        self.population_info[population.index]
            .space
            .as_deref()
            .map(Space::positions)
    }

    /// Sets the initial membrane potential (mV) of the selected neurons, constant or
    /// drawn per neuron (from a stream keyed by population and neuron index).
    pub fn initial_v_m(&mut self, selection: &Selection, v_m: Value) -> Result<()> {
        let name = self.population_info[selection.population].name.clone();
        if self.populations[selection.population]
            .param("V_m")
            .is_none()
        {
            return Err(Error::invalid(
                &name,
                "V_m",
                "initial value",
                format!(
                    "{} has no membrane potential; set V_m only on neuron models",
                    self.population_info[selection.population].model
                ),
            ));
        }
        self.note(
            Call::new("initial_v_m")
                .selections("neurons", std::slice::from_ref(selection))
                .value("V_m", &v_m),
        );
        v_m.validate(&name, "V_m")?;
        let indices = self.resolve(&name, selection)?;
        for i in indices {
            let mut rng = self.seed.stream(
                Purpose::InitialState,
                selection.population as u64,
                u64::from(i),
            );
            let v = v_m.sample(&mut rng)?;
            self.populations[selection.population].set_v_m(i as usize, v);
        }
        Ok(())
    }

    /// A handle to the population created `index`-th, with its size as a
    /// [`Dyn`](crate::storage::Dyn) length
    /// (for code that creates populations in a loop).
    pub fn population_handle(&self, index: usize) -> Option<PopulationHandle<crate::storage::Dyn>> {
        self.population_info.get(index).map(|p| PopulationHandle {
            index,
            len: crate::storage::Dyn(p.len),
        })
    }

    /// The population information, in creation order.
    pub fn population_info(&self) -> &[PopulationInfo] {
        &self.population_info
    }

    /// The indices a selection stands for, checked against the population.
    pub(crate) fn resolve(&self, entity: &str, selection: &Selection) -> Result<Vec<u32>> {
        let info = self
            .population_info
            .get(selection.population)
            .ok_or_else(|| {
                Error::Name(format!(
                    "{entity}: population #{} does not exist",
                    selection.population
                ))
            })?;
        let indices = match &selection.indices {
            None => (0..info.len as u32).collect(),
            Some(list) => {
                if let Some(&bad) = list.iter().find(|&&i| i as usize >= info.len) {
                    return Err(Error::invalid(
                        entity,
                        "targets",
                        bad,
                        format!(
                            "`{}` has {} neurons (indices 0..{})",
                            info.name, info.len, info.len
                        ),
                    ));
                }
                list.clone()
            }
        };
        if indices.is_empty() {
            return Err(Error::EmptySelection {
                entity: entity.to_string(),
                message: format!("the selection of `{}` contains no neuron", info.name),
            });
        }
        Ok(indices)
    }
}

/// The neurons of population `p` (of `infos`) inside `mask` placed at `center` (mm): the
/// one selection by mask the builder and the built network share. Why the errors: a
/// population without positions has nothing to select, and an empty selection is
/// almost always a misplaced mask.
pub(crate) fn select_within(
    infos: &[PopulationInfo],
    p: usize,
    mask: &Mask,
    center: [f64; 3],
) -> Result<Selection> {
    let info = infos
        .get(p)
        .ok_or_else(|| Error::Name(format!("population #{p} does not exist in this network")))?;
    let space = info.space.as_deref().ok_or_else(|| {
        Error::invalid(
            &info.name,
            "mask",
            "within",
            "the population is not spatial; give it positions (a layout) to select by mask",
        )
    })?;
    mask.validate(&info.name)?;
    let mask = &space.resolve_mask(&info.name, mask)?;
    check_compatible(&info.name, mask, space)?;
    let at = Point::new(center[0], center[1], center[2]);
    let indices = select(space, mask, &at);
    if indices.is_empty() {
        return Err(Error::EmptySelection {
            entity: info.name.clone(),
            message: format!("no neuron lies inside the mask at {center:?}"),
        });
    }
    Ok(Selection {
        population: p,
        indices: Some(indices),
    })
}
