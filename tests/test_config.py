import warnings
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.model import ReadabilityTarget
from pipeline.errors import ConfigError, SettingsWarning

from .conftest import REPO


def write_settings(root: Path, body: str) -> Path:
    (root / "pyproject.toml").write_text(f"[tool.pipeline]\n{body}\n", encoding="utf-8")
    return root


def test_repository_settings_load():
    settings = load_settings(REPO)
    assert settings.source_locale == "en"
    assert settings.locales == ("es", "de", "fr", "ar")
    assert settings.all_locales == ("en", "es", "de", "fr", "ar")
    assert settings.threshold == 80.0


def test_unknown_key_names_the_nearest_known_one(tmp_path):
    write_settings(tmp_path, 'locals = ["es"]')
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert "unknown key 'locals' (did you mean 'locales'?)" in str(caught.value)
    assert str(caught.value).startswith("pyproject.toml:2:")


def test_every_problem_is_reported_at_once(tmp_path):
    write_settings(tmp_path, 'locales = ["es", "xx-nowhere"]\nthreshold = 120\nfail_on = "fatal"')
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    message = str(caught.value)
    assert "unknown locale 'xx-nowhere'" in message
    assert "threshold must be a percentage" in message
    assert "fail_on must be one of error, warning, info" in message


def test_locale_codes_are_normalized_and_pseudo_locales_accepted(tmp_path):
    write_settings(tmp_path, 'locales = ["pt_br", "en-XA"]')
    assert load_settings(tmp_path).locales == ("pt-BR", "en-XA")


def test_source_locale_must_not_be_a_target(tmp_path):
    write_settings(tmp_path, 'locales = ["en", "es"]')
    with pytest.raises(ConfigError, match="must not include the source locale"):
        load_settings(tmp_path)


def test_readability_targets_are_validated(tmp_path):
    write_settings(tmp_path, "[tool.pipeline.readability]\nen = {warning = 8, error = 10}")
    assert load_settings(tmp_path).readability == {"en": ReadabilityTarget(8.0, 10.0)}
    write_settings(tmp_path, "[tool.pipeline.readability]\nen = {warn = 8}")
    with pytest.raises(ConfigError, match="readability.en must be"):
        load_settings(tmp_path)


def test_command_line_options_override_settings_and_none_does_not(tmp_path):
    settings = load_settings(write_settings(tmp_path, 'locales = ["es", "de"]'))
    assert settings.with_overrides(locales=["de"], fail_on=None).locales == ("de",)
    assert settings.with_overrides(fail_on=None).fail_on == "error"
    with pytest.raises(ConfigError, match="unknown locale 'zz'"):
        settings.with_overrides(locales=["zz"])


def test_missing_pyproject_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="no pyproject.toml"):
        load_settings(tmp_path)


def test_invalid_toml_names_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.pipeline\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="pyproject.toml: not valid TOML"):
        load_settings(tmp_path)


def test_directory_urls_is_true_or_false(tmp_path):
    assert load_settings(write_settings(tmp_path, "")).directory_urls is False
    assert load_settings(write_settings(tmp_path, "directory_urls = true")).directory_urls is True
    write_settings(tmp_path, 'directory_urls = "yes"')
    with pytest.raises(ConfigError, match="directory_urls must be true or false, not 'yes'"):
        load_settings(tmp_path)


def test_the_wcag_level_is_aa_unless_set_and_must_be_a_level(tmp_path):
    write_settings(tmp_path, "")
    assert load_settings(tmp_path).wcag_level == "AA"
    write_settings(tmp_path, 'wcag_level = "AAA"')
    assert load_settings(tmp_path).wcag_level == "AAA"
    write_settings(tmp_path, 'wcag_level = "AAAA"')
    with pytest.raises(ConfigError, match="wcag_level must be one of A, AA, AAA, not 'AAAA'"):
        load_settings(tmp_path)


def test_a_renamed_rule_id_is_read_as_the_rules_that_took_its_place(tmp_path):
    write_settings(tmp_path, 'disabled_rules = ["letter-spacing", "image-alt", "word-spacing"]')
    with pytest.warns(SettingsWarning) as caught:
        assert load_settings(tmp_path).disabled_rules == ("avoid-inline-spacing", "image-alt")
    assert [str(w.message) for w in caught] == [
        f"pyproject.toml: [tool.pipeline] disabled_rules: rule {old!r} is now 'avoid-inline-spacing', axe-core's "
        "ids: write those instead" for old in ("letter-spacing", "word-spacing")]
    write_settings(tmp_path, 'disabled_rules = ["image-alt"]')
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_settings(tmp_path).disabled_rules == ("image-alt",)


@pytest.mark.parametrize("key", ["enabled_rules", "disabled_rules"])
def test_an_unknown_rule_id_in_either_rule_setting_is_refused_at_its_line(tmp_path, key):
    write_settings(tmp_path, f'{key} = ["hidden-content", "duplicate-id-active", "no-base-url"]')
    assert getattr(load_settings(tmp_path), key) == ("hidden-content", "duplicate-id-active", "no-base-url")
    write_settings(tmp_path, f'{key} = ["hidden-contnet"]')
    line = (tmp_path / "pyproject.toml").read_text().splitlines().index(f'{key} = ["hidden-contnet"]') + 1
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert str(caught.value) == (f"pyproject.toml:{line}: [tool.pipeline] {key}: no rule 'hidden-contnet' "
                                 "(did you mean 'hidden-content'?)")
    # A list over several lines: the line of the id itself, not of the key.
    write_settings(tmp_path, f'{key} = [\n  "hidden-content",\n  "target-sise",\n]')
    lines = (tmp_path / "pyproject.toml").read_text().splitlines()
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert (caught.value.file, caught.value.line) == ("pyproject.toml", lines.index('  "target-sise",') + 1)


def test_the_rule_ids_known_without_importing_a_rule_are_every_rules():
    from pipeline.build_checks import rule_infos
    from pipeline.rule_ids import known_rule_ids

    assert known_rule_ids() == {info.id for info in rule_infos()}


def test_rules_off_unless_asked_for_are_switched_on_by_id(tmp_path):
    write_settings(tmp_path, 'enabled_rules = ["hidden-content", "duplicate-id-active"]')
    assert load_settings(tmp_path).enabled_rules == ("hidden-content", "duplicate-id-active")
    write_settings(tmp_path, 'enabled_rules = "hidden-content"')
    with pytest.raises(ConfigError, match="enabled_rules must be a list of strings"):
        load_settings(tmp_path)
