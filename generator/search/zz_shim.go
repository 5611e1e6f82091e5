package search

func Stream(in Input, emit func(File) error) (*Index, error) {
	ix, err := Build(in)
	if err != nil {
		return nil, err
	}
	for _, f := range ix.Files {
		if err := emit(f); err != nil {
			return nil, err
		}
	}
	return ix, nil
}
