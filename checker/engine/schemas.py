"""Parameter schemas of the rule kinds, checked when a rule file loads.

A wrong type or value (``group = 1.5``, ``min_len > max_len``, ``max = "abc"``, an unknown
parameter) is a ``ConfigError`` naming the rule file and the field, before any document is
read, instead of a crash in the middle of a run.  A kind without a schema here takes any
parameters (its ``validate`` function may still check them).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Literal, Optional, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError,
                      model_validator)

from ..errors import ConfigError

MAX_REPEAT_LEN = 16   # the repeat kind's back-reference is tried for every length up to max_len


def _rational(v):
    """A TOML integer, float or a fraction string such as "1/20"; never a boolean."""
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise ValueError("must be a number or a fraction like \"1/20\"")
    try:
        Fraction(str(v))
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"must be a number or a fraction like \"1/20\", not {v!r}") from None
    return v


Rational = Annotated[Union[StrictInt, float, StrictStr], BeforeValidator(_rational)]
Words = list[Annotated[StrictStr, Field(min_length=1)]]


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class NoParams(_Params):
    """Kinds that take no parameters."""


class ChangeParams(_Params):
    """``change``: which verdicts of the change claims to report."""

    verdicts: Words = Field(default=["inconsistent"], min_length=1)


class ChangeMisuseParams(_Params):
    """``change_misuse``: which misuses to report."""

    misuse: Words = Field(min_length=1)


class Entity(_Params):
    """A counted thing, the words naming it, and its bound per inhabitant."""

    name: StrictStr = Field(min_length=1)
    words: Words = Field(min_length=1)
    units: Words = []
    max_per_person: Optional[Rational] = None


class _ScopeWords(_Params):
    """Words that mark a sentence about a wider scope, and titles that only mention one; the populations
    bounding a sentence about the whole country or the world (none: such a sentence is not checked)."""

    wider_scope_words: Words = []
    scope_titles: Words = []
    country: StrictStr = "全国"
    country_population: Optional[StrictInt] = Field(default=None, gt=0)
    world: StrictStr = "世界"
    world_population: Optional[StrictInt] = Field(default=None, gt=0)
    world_scope_words: Words = []


class MagnitudeParams(_ScopeWords):
    """``magnitude``: the entities, their per-capita bounds, and linking words before a number."""

    entities: list[Entity] = Field(min_length=1)
    links: Words = []


class PerCapitaAmountParams(_Params):
    """``per_capita_amount``: the per-person words, the largest plausible amount (``max_yuan`` for money;
    for a measure, ``dimension`` and ``max`` in its ``unit``), the words one of which must name what is
    measured (``about``, none: any), the gap allowed, and the words that make the amount a total instead."""

    per_words: Words = Field(min_length=1)
    max_yuan: Rational = "10000000"
    dimension: Literal["money", "area", "length", "mass", "volume"] = "money"
    max: Optional[Rational] = None
    unit: Optional[StrictStr] = None
    about: Words = []
    max_gap: int = 16
    not_between: Words = []

    @model_validator(mode="after")
    def _bound(self):
        if self.dimension != "money":
            from ..numbers.units import dimension

            if self.max is None or self.unit is None:
                raise ValueError(f"a bound in {self.dimension} needs max and its unit")
            if dimension(self.unit) != self.dimension:
                raise ValueError(f"unit {self.unit!r} does not measure {self.dimension}")
        return self


class PopulationParams(_ScopeWords):
    """``population``: measure words of people counts, the bound as a multiple of the population,
    and words of counts that need not be residents."""

    units: Words = Field(min_length=1)
    factor: Rational = "3/2"
    skip_words: Words = []
    stated_scope: Words = []        # 全市…: the document's own area, before a stated population
    stated_population: Words = []   # 常住人口, 户籍人口
    stated_copula: Words = []       # 为, 约, 达

    @model_validator(mode="after")
    def _positive(self):
        if Fraction(str(self.factor)) <= 0:
            raise ValueError("factor must be above 0")
        return self


class RatioPair(_Params):
    """Bounds of numerator/denominator between two entities."""

    numerator: StrictStr
    denominator: StrictStr
    min: Rational
    max: Rational

    @model_validator(mode="after")
    def _ordered(self):
        if Fraction(str(self.min)) > Fraction(str(self.max)):
            raise ValueError("min is larger than max")
        return self


class RatioParams(MagnitudeParams):
    """``ratio``: entities and the pairs whose ratio is bounded."""

    pairs: list[RatioPair] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self):
        names = {e.name for e in self.entities}
        for p in self.pairs:
            for side in (p.numerator, p.denominator):
                if side not in names:
                    raise ValueError(f"pair entity {side!r} is not one of the entities")
        return self


class MissingUnitParams(_Params):
    """``missing_unit``: noun endings, characters that may follow, the least digits."""

    noun_tails: StrictStr = Field(default="件案人员数量", min_length=1)
    followers: StrictStr = Field(default=",，。;；、", min_length=1)
    min_digits: StrictInt = Field(default=2, ge=1, le=20)
    bare_followers: StrictStr = Field(default="，,；;。、", min_length=1)
    bare_after: Words = []
    unitless_clause: Words = []


class PatternParams(_Params):
    """``pattern``: an RE2 pattern, the group to flag, exception words."""

    pattern: StrictStr = Field(min_length=1)
    group: Union[Annotated[StrictInt, Field(ge=0)], StrictStr] = 0
    exceptions: Words = []


class RateRangeParams(_Params):
    """``rate_range``: the largest admissible percentage."""

    max: Rational = 100

    @model_validator(mode="after")
    def _positive(self):
        if Fraction(str(self.max)) <= 0:
            raise ValueError("max must be above 0")
        return self


class RepeatParams(_Params):
    """``repeat``: word lengths (bounded: the match uses a back-reference) and allowed words."""

    min_len: StrictInt = Field(default=2, ge=2, le=MAX_REPEAT_LEN)
    max_len: StrictInt = Field(default=4, ge=2, le=MAX_REPEAT_LEN)
    allow: Words = []
    reduplication_heads: StrictStr = ""
    particles: StrictStr = ""
    name_suffixes: StrictStr = ""
    deliberate_parts: Words = []

    @model_validator(mode="after")
    def _ordered(self):
        if self.min_len > self.max_len:
            raise ValueError(f"min_len ({self.min_len}) is larger than max_len ({self.max_len})")
        return self


class RespectiveParams(_Params):
    """``respective``: with ``single_value``, report 分别 with one value for several items instead."""

    single_value: StrictBool = False


class StreakParams(_Params):
    """``streak``: the fewest Han characters of a clause head restated word for word that make two
    streaks one statement whatever their subject words lean on."""

    min_wording: StrictInt = Field(default=6, ge=2, le=60)


class StackedApproxParams(_Params):
    """``stacked_approx``: pairs of approximation words that may not meet on one number."""

    pairs: list[Annotated[Words, Field(min_length=2, max_length=2)]] = Field(min_length=1)


SCHEMAS: dict[str, type[_Params]] = {
    "change": ChangeParams, "change_misuse": ChangeMisuseParams, "magnitude": MagnitudeParams,
    "ratio": RatioParams, "missing_unit": MissingUnitParams, "pattern": PatternParams,
    "rate_range": RateRangeParams, "repeat": RepeatParams, "population": PopulationParams,
    "per_capita_amount": PerCapitaAmountParams,
    "respective": RespectiveParams, "stacked_approx": StackedApproxParams, "streak": StreakParams,
    **{k: NoParams for k in ("conflict", "datespan", "joint", "mixed_numeral", "partwhole", "rate_fraction",
                             "rate_of_count", "restated", "suppression", "trend")},
}


def _where(loc: tuple) -> str:
    out = "params"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def validate_params(rule) -> None:
    """Check ``rule.params`` against its kind's schema; ``ConfigError`` names file and field."""
    schema = SCHEMAS.get(rule.kind)
    if schema is None:
        return
    try:
        schema.model_validate(rule.params)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith(("function-", "int", "str",
                                                                                      "float", "union"))))
        msg = err["msg"].removeprefix("Value error, ")
        raise ConfigError(rule.path, f"field '{_where(loc)}': {msg} (kind {rule.kind!r})") from None
