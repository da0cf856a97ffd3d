"""Safe YAML loading that remembers the line of every key, for errors users can act on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class ConfigError(Exception):
    """An invalid config or rule file: reported as `path:line: message`, exit code 2."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass(slots=True)
class YamlDoc:
    path: str
    data: Any
    lines: dict[tuple, int]

    def line(self, *keys: Any) -> int | None:
        """Line of the deepest known key along `keys`."""
        for n in range(len(keys), -1, -1):
            if keys[:n] in self.lines:
                return self.lines[keys[:n]]
        return None

    def error(self, message: str, *keys: Any) -> ConfigError:
        return ConfigError(self.path, message, self.line(*keys))


def load_yaml_text(text: str, path: str | Path) -> YamlDoc:
    loader = yaml.SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            raise ConfigError(path, f"ongeldige YAML: {exc.problem or exc}", line) from None
        except yaml.YAMLError as exc:
            raise ConfigError(path, f"ongeldige YAML: {exc}") from None
        lines: dict[tuple, int] = {}
        data = _convert(loader, node, (), lines, str(path), [0]) if node is not None else None
    except RecursionError:
        raise ConfigError(path, f"te diep genest (meer dan {MAX_DEPTH} niveaus); niet gelezen") from None
    finally:
        loader.dispose()
    return YamlDoc(str(path), data, lines)


def load_yaml(path: str | Path) -> YamlDoc:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(path, "bestand is geen geldige UTF-8") from None
    except FileNotFoundError:
        raise ConfigError(path, "bestand bestaat niet") from None
    except IsADirectoryError:
        raise ConfigError(path, "is een map, geen bestand") from None
    except PermissionError:
        raise ConfigError(path, "geen leesrechten") from None
    except OSError as exc:
        raise ConfigError(path, f"kan bestand niet lezen ({exc.strerror or exc})") from None
    return load_yaml_text(text, path)


# A config or rule file has a few thousand nodes at most, a few levels deep. Aliases make the node
# graph a DAG whose expansion can grow exponentially ("billion laughs" in YAML): count what is built.
MAX_NODES = 200_000
MAX_DEPTH = 64


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: tuple, lines: dict, name: str, count: list[int]) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise ConfigError(
            name,
            f"meer dan {MAX_NODES // 1000}.000 waarden na het uitvouwen van verwijzingen "
            "(YAML-aliassen); mogelijk een 'billion laughs'-aanval, niet gelezen",
            node.start_mark.line + 1,
        )
    if len(path) > MAX_DEPTH:
        raise ConfigError(
            name, f"te diep genest (meer dan {MAX_DEPTH} niveaus); niet gelezen", node.start_mark.line + 1
        )
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)):
                raise ConfigError(name, "sleutel moet tekst zijn", key_node.start_mark.line + 1)
            if key in out:
                raise ConfigError(name, f"sleutel '{key}' komt twee keer voor", key_node.start_mark.line + 1)
            out[key] = _convert(loader, value_node, path + (key,), lines, name, count)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, path + (i,), lines, name, count) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
