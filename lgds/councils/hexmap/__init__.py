"""The layout of the coverage page's hex map of the UK's councils, from the register's latitude and longitude.

The layout is made once, by ``python scripts/make_hexmap.py``, and kept in ``data/hexmap.csv``: each
current council's cell. The build reads that file (``lgds.councils.mapcells``) and never imports this
package, so a build never lays the map out again.

Putting each council in the free cell nearest its real centre makes a poor map, because councils are
crowded in the cities and sparse in the hills: London and the metropolitan boroughs swell into one blob
that shoves everything round it outwards, while Scotland, mid Wales and Northern Ireland scatter. So
the layout first moves the councils into a cartogram and only then puts them on the grid:

1. Positions (``make``). Latitude and longitude become x and y in units of one hexagon's width, at a
   scale (``radius_deg``, a hexagon's radius in degrees of latitude) at which the UK's land comes out at
   roughly its number of hexagons: crowded places have to grow about as much as empty ones shrink.
   The Highlands and islands are squeezed towards the central belt and Northern Ireland is moved east,
   so the far north is not mostly sea and the Irish Sea is narrow.
2. Spreading (``spread``), as in Dorling's cartograms. Each council is a disc one hexagon wide. In each
   of a fixed number of rounds, every pair of overlapping discs is pushed apart; pairs are found through
   a grid of unit squares, so a round costs O(n). Each council is also tied to those of its nearest few
   councils in its own nation that are more than a hexagon away, and a tie longer than one hexagon pulls
   its ends together: the gaps in sparse places close and each nation holds together (close neighbours
   need no tie, and ties there would only hold the crowds in). Councils move at the end of a round by
   the sum of their pushes and pulls, at most half a hexagon: London then swells evenly from its edge
   with its boroughs in order, rather than single boroughs squirting out between its neighbours. There
   is no pull back to the real position (that kept the crowds squashed); the shape holds because only
   overlapping and tied councils move, for a fixed number of rounds.
3. Snapping (``snap``). Councils take cells one at a time, the one sitting nearest a cell centre first,
   each the free cell nearest where it was spread to; then councils swap with a neighbouring cell, or
   move into an empty one, wherever that shortens the total squared distance.
4. Tidying (``tidy``). Neighbouring hexagons of different areas (English regions, and the other
   nations) swap where that gives them more neighbours from their own area at little cost in distance.
   A hexagon still cut off from its area slides back to it along a short path, the few in between each
   moving one step, unless that would cut another area in two.
5. Joining (``join``). A piece cut off from the main body of Great Britain (Scotland, once its ties
   have drawn it together, or an island) is moved whole, keeping its shape, towards its own nation until
   it touches. Northern Ireland is moved until exactly one empty hexagon separates it from Great Britain.

It is pure Python and deterministic: councils are taken in order of code, and every loop runs in a
fixed order, so the same register always gives the same map. County councils get a hexagon of their own
among their districts. The result is each council's cell, written as ``data/hexmap.csv``
(``make.csv_text``); ``grid`` holds what the steps share about the hexagonal grid.
"""

from lgds.councils.hexmap.make import Hex, csv_text, layout

__all__ = ["Hex", "csv_text", "layout"]
